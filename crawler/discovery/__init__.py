"""Finding articles the way sites publish them: sitemaps (robots.txt ``Sitemap:`` lines,
``/sitemap.xml``, indexes, gzip, news and image sitemaps) and RSS/Atom feeds.

:mod:`.listings` reads one file (bounded: size, gzip bombs, no entity expansion, a cap
on entries); :mod:`.dates` turns ``<lastmod>`` and feed dates into times;
:mod:`.sitemaps` fetches a crawl's sitemaps before its first page, so that the
incremental crawl knows which known articles the site says are unchanged.
"""
