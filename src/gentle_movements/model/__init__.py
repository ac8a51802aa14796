"""The content model: what each file in `content/` may hold, as strict pydantic models.

Base types and checked text fields (`fields`), pictures (`figure`), reviews and sources
(`review`), exercises (`exercise`), the shared safety content (`safety`), and the FAQ,
redirects and the whole site (`site`). Nothing here reads files or knows MkDocs.
"""
