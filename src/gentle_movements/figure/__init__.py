"""The exercise pictures: the posed body (`body`), what is drawn where (`scene`), and the
SVG and HTML that show it (`svg`).
"""
