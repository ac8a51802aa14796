"""The tools around the site: publishing, the offline zip, a local static server, Chromium
screenshots and printouts, the readability report, page weight, and a copy of the project for
tests and benchmarks that change it. Each runs as `python -m site_tools.<name>`."""
