"""Checks of a built or about-to-be-built site: the safety audit of the HTML (`audit`), the
review dates (`reviews`), the ledger of published addresses (`addresses`) and reading grades
(`readability`).
"""
