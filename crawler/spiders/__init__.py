"""Spiders: they find pages and select what to fetch; they never clean."""
