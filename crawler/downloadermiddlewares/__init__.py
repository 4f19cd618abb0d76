"""Downloader middlewares: page accounting and the page budget."""
