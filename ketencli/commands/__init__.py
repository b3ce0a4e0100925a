"""Thin typer commands: parse options, call the core, print with rich. One module per noun.

Heavy modules (pydantic models, the store, questionary, docxtpl) are imported inside the command
functions, so ``ketencli --help`` stays fast.
"""
