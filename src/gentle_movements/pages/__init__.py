"""The Markdown of every page made from content.

Building blocks (`markdown`), the site's wording (`wording`), boxes shared by many pages
(`boxes`), one module per page kind (`exercise`, `index`, `safety`, `faq`, `routine`,
`floor`), the placeholders hand-written pages use (`placeholders`), and the list of every
generated page (`registry`).
"""
