"""Scrapy settings of the healthcorpus project.

``scrapy crawl articles`` (through ``scrapy.cfg``) and ``healthcorpus crawl`` (which
loads this module explicitly, so it works from any folder) both start from here.
Only what differs from Scrapy 2.19's defaults is set, each with the reason.
"""

from __future__ import annotations

BOT_NAME = "healthcorpus"

SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Identify ourselves honestly, with a page that explains the crawler; obey robots.txt.
USER_AGENT = "healthcorpus/0.1 (+https://github.com/healthcorpus/healthcorpus)"
ROBOTSTXT_OBEY = True

# Politeness. AutoThrottle adapts the delay to the server's latency; the start delay is
# small because it is only the first guess: a slow site pushes the delay up within a few
# responses, and a local crawl of ~60 pages still finishes in seconds.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
DOWNLOAD_DELAY = 0
CONCURRENT_REQUESTS_PER_DOMAIN = 8
# Scrapy 2.19 starts CONCURRENT_ITEMS asyncio tasks for the output of every response,
# however little it yields; a page yields one item and its links here, and the default
# 100 tasks cost about 1 ms of the crawl's CPU a page (measured: 6.4 -> 5.4 ms).
CONCURRENT_ITEMS = 16

# Bound the work per page: an article is a few hundred KiB at most; anything past
# 10 MiB is not an article and would only cost memory and parse time.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_TIMEOUT = 30

# Only http and https can be fetched at all: a link or redirect to file:, data:, ftp:
# or s3: fails in the downloader even if something let it through the scope check.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}

# No listening sockets during a crawl: Scrapy 2.19 starts a telnet console and a
# remote-control HTTP server on loopback by default; a cron job needs neither.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# Counting and the page budget sit right after robots.txt (100), so pages that are
# forbidden by robots.txt are neither counted as fetched nor charged to the budget, and
# before everything else (retries at 550, redirects at 600 ...): in process_response
# they see each page's final response once, after retries and redirects are resolved.
# Scrapy parses robots.txt Crawl-delay but never applies it: CrawlDelay makes it a
# per-host floor under the download delay (AutoThrottle included). Progress prints a
# status line on a terminal, or a log line now and then.
EXTENSIONS = {
    "crawler.extensions.crawl_delay.CrawlDelay": 500,
    "crawler.extensions.progress.Progress": 510,
}

DOWNLOADER_MIDDLEWARES = {
    # Stricter than Scrapy's OffsiteMiddleware, in its place: same host and port as a
    # start URL (crawler/scope.py), for links and redirects alike, http(s) only.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.downloadermiddlewares.scope.ScopeMiddleware": 50,
    # Removes the query parameters learned not to change a host's articles
    # (crawler/aliases.py): the shorter URL is scheduled instead, once.
    "crawler.aliases.AliasMiddleware": 60,
    # Conditional GETs for known pages; answers pages done by a stopped run from the
    # state (so it comes before the budget, which must not charge those).
    "crawler.downloadermiddlewares.incremental.IncrementalMiddleware": 105,
    # Charges each page request (not robots.txt, not retries) to HEALTHCORPUS_MAX_PAGES.
    "crawler.downloadermiddlewares.page_budget.PageBudgetMiddleware": 110,
    # Counts fetched pages, HTTP error statuses and download failures for the manifest.
    "crawler.downloadermiddlewares.fetch_stats.FetchStatsMiddleware": 120,
}

# Items flow through pipelines in increasing order: PageItem -> Record -> Parquet.
ITEM_PIPELINES = {
    # 200: every fetched HTML page, raw, into DIR/_warc/ (before cleaning drops any).
    "crawler.pipelines.archive.WarcArchivePipeline": 200,
    # 300: turn a fetched page into a Record, or drop it with a counted reason.
    "crawler.pipelines.clean_html.CleanHtmlPipeline": 300,
    # 800: last, so it only ever sees Records that every earlier step accepted.
    "crawler.pipelines.parquet.ParquetDatasetPipeline": 800,
}

# We do not use Scrapy's feed exports: local feed files are opened in append mode and
# not written atomically. ParquetDatasetPipeline writes the dataset instead.
FEEDS: dict[str, dict[str, object]] = {}

# Dropped pages are counted in the manifest; one log line each at WARNING would drown
# the real warnings. The pipelines pass an explicit level; this covers anything else.
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"

LOG_LEVEL = "INFO"

# Scrapy 2.19 has no REQUEST_FINGERPRINTER_IMPLEMENTATION any more (the 2.7 fingerprinter
# is the only one), so nothing needs setting to silence its old deprecation warning.

# --- healthcorpus settings -------------------------------------------------------------
# Dataset folder. Relative paths are relative to the working directory of the crawl
# (``scrapy crawl`` is run from the project root, so this is the git-ignored data/output).
HEALTHCORPUS_OUT = "data/output"
# At most this many pages are fetched (robots.txt excluded); 0 means no cap.
HEALTHCORPUS_MAX_PAGES = 0
# Run id used in file names, the manifest and each record's crawl_id; empty = generate.
HEALTHCORPUS_RUN_ID = ""
# Optional TOML file of per-site CSS overrides for the cleaner (cleaning/extractor/profiles.py).
HEALTHCORPUS_PROFILE = ""
# What started the run, as recorded in the manifest.
HEALTHCORPUS_COMMAND = "scrapy crawl articles"
# Incremental re-crawls: conditional GETs for pages of earlier runs, resume of a run
# that was stopped. False (`--full`) fetches every page in full.
HEALTHCORPUS_INCREMENTAL = True
# Keep every fetched HTML page in WARC files under DIR/_warc/ (`--no-archive`: False),
# gzip level 1 (about 1 ms a page; 9 makes files 16% smaller for 2.5 times the CPU).
HEALTHCORPUS_ARCHIVE = True
HEALTHCORPUS_ARCHIVE_GZIP_LEVEL = 1
# Publish the open Parquet part and WARC segment, and commit the page state, every N
# records or T seconds: a killed crawl loses at most that much work (refetched on the
# next run), at the cost of one file per checkpoint.
HEALTHCORPUS_CHECKPOINT_RECORDS = 1000
HEALTHCORPUS_CHECKPOINT_SECONDS = 300
# Shared frontier (`--redis`): the crawl's name in Redis (set by the CLI), and how long
# a worker may go without a heartbeat before its requests are handed to the others.
HEALTHCORPUS_FRONTIER = ""
HEALTHCORPUS_HEARTBEAT_TTL = 15
# How long a worker waits for a Redis that does not answer (a restart, a network cut)
# before it stops with exit code 5; it pauses meanwhile (crawler/distributed/outage.py).
HEALTHCORPUS_REDIS_OUTAGE_LIMIT = 300
# How often an idle worker looks for new work in the shared queue, in seconds (each
# look is a few Redis commands).
HEALTHCORPUS_IDLE_POLL = 0.5
# How many requests a worker takes from the shared queue beyond those it has finished;
# 0 = twice CONCURRENT_REQUESTS_PER_DOMAIN.
HEALTHCORPUS_WORKER_PREFETCH = 0
# Processes that clean pages while the crawl goes on fetching: auto = the cores but
# one (at most 4), 0 = clean in the crawl's own process.
HEALTHCORPUS_CLEAN_WORKERS = "auto"
# Also crawl subdomains of the start hosts (`--subdomains`); by default only the hosts.
HEALTHCORPUS_SUBDOMAINS = False
# robots.txt Crawl-delay: obeyed (False ignores it), and capped at this many seconds
# so that a robots.txt asking for hours between requests cannot stall the crawl.
HEALTHCORPUS_OBEY_CRAWL_DELAY = True
HEALTHCORPUS_MAX_CRAWL_DELAY = 60.0
# Progress: auto (a status line on a terminal, log lines otherwise), tty, log or off;
# seconds between log lines.
HEALTHCORPUS_PROGRESS = "auto"
HEALTHCORPUS_PROGRESS_INTERVAL = 30.0
# Sitemaps and feeds (crawler/discovery): auto (robots.txt Sitemap: lines, /sitemap.xml,
# feeds named by start pages, and listings given as start URLs, beside following links),
# only (what the listings name, nothing else) or off (listings given as start URLs only).
HEALTHCORPUS_SITEMAPS = "auto"
# Bounds on what a crawl's listings may make it do: files read, page URLs taken.
HEALTHCORPUS_SITEMAP_MAX_FILES = 1000
HEALTHCORPUS_SITEMAP_MAX_URLS = 1_000_000
# A known article whose <lastmod> is not newer than its last check is not asked again,
# unless it was last checked this many days ago or more (`--recheck-days`).
HEALTHCORPUS_RECHECK_DAYS = 7.0
# A query parameter that named the same article on this many pages of a host (aliases,
# found by their text) and never another one is dropped from that host's URLs.
HEALTHCORPUS_ALIAS_EVIDENCE = 2
