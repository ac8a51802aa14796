"""Files the build writes beside the pages: redirects and robots.txt, open data and its
schema, the content schemas, the Content-Security-Policy, QR codes, the link-preview image,
minified stylesheets and the offline copy.
"""
