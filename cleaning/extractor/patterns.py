"""The wording of page parts, in the languages of the sites we crawl.

All regexes are compiled once, here. None has nested unbounded quantifiers, so none
can backtrack catastrophically; ``tests/test_patterns.py`` times each on hostile input.
They are matched against one block's text at a time (a line or a paragraph).
"""

from __future__ import annotations

import re

# --- numbered headings -------------------------------------------------------
CJK_DIGITS = "零〇一二三四五六七八九十"
_CJK_NUM = f"[{CJK_DIGITS}]{{1,3}}"

# Each alternative names the numbering style; a section sequence uses one style.
NUMBERED_HEADING = re.compile(
    r"^\s*(?:"
    r"(?P<dot>\d{1,2})\s*[.．。](?!\d)\s*"  # 1.  1．
    r"|(?P<comma>\d{1,2})\s*[、，]\s*"  # 1、
    r"|(?P<paren>\d{1,2})\s*[)）]\s*"  # 1)
    r"|[(（]\s*(?P<wrapped>\d{1,2})\s*[)）]\s*"  # (1) （1）
    rf"|(?P<cjk>{_CJK_NUM})\s*[、.．,，]\s*"  # 一、
    rf"|[(（]\s*(?P<cjkwrapped>{_CJK_NUM})\s*[)）]\s*"  # （一）
    rf"|第\s*(?P<cjkord>{_CJK_NUM}|\d{{1,2}})\s*"  # 第一步 第2点
    r"[步点条个种招类大部分章节、：:，,. ]\s*[、：:，,.]?\s*"
    r"|(?P<word>step|tip|part|section|method|reason|way|sign|rule|no\.?|#)\s*"
    r"(?P<wordnum>\d{1,2})\s*(?:[:.)：–—-]\s*|\s)"  # Step 1: Tip 2 -
    r")"
    r"(?P<heading>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def cjk_numeral_value(text: str) -> int | None:
    """Value of a small Chinese numeral (1-99).

    >>> cjk_numeral_value("十二"), cjk_numeral_value("二十一"), cjk_numeral_value("三")
    (12, 21, 3)
    """
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["〇"] = 0
    if not text or any(c not in digits and c != "十" for c in text):
        return None
    if "十" not in text:
        return digits[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    value = (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)
    return value or None


# --- previous / next article ------------------------------------------------
# The label, then an optional colon, then (maybe) the title on the same line.
PREV_LABEL = re.compile(
    r"^\s*(?:<<|«|‹|←)\s*[:：]?\s*"
    r"|^\s*(?:上一篇|上一条|上一页|上篇|前一篇)\s*[:：]?\s*"
    r"|^\s*(?:previous|prev\.?|older)(?:\s+(?:article|post|story|entry|page|reading))?\s*[:：]\s*"
    r"|^\s*(?:previous|prev\.?)\s+(?:article|post|story|entry)\s*",
    re.IGNORECASE,
)
NEXT_LABEL = re.compile(
    r"^\s*(?:>>|»|›|→)\s*[:：]?\s*"
    r"|^\s*(?:下一篇|下一条|下一页|下篇|后一篇)\s*[:：]?\s*"
    r"|^\s*(?:next|newer)(?:\s+(?:article|post|story|entry|page|reading))?\s*[:：]\s*"
    r"|^\s*next\s+(?:article|post|story|entry)\s*",
    re.IGNORECASE,
)
# Where one line carries both links, e.g. "上一篇：A 下一篇：B".
NEXT_LABEL_INLINE = re.compile(
    r"\s(?:>>|»)\s*[:：]?\s*|(?:下一篇|下一条|下篇)\s*[:：]?\s*"
    r"|\s(?:next(?:\s+(?:article|post|story|entry))?)\s*[:：]\s*",
    re.IGNORECASE,
)
# Bare pagination words that are not article titles.
PAGINATION_WORDS = re.compile(
    r"^\s*(?:(?:next|previous|prev|older|newer)(?:\s+(?:page|posts?|articles?|stories|story|"
    r"entry|entries|chapter))?|more|page|home|back|top|back\s+to\s+top|read\s+more|"
    r"上一页|下一页|上一篇|下一篇|首页|尾页|末页|返回|返回首页|\d+|[<>«»‹›←→]+)\s*[:：]?\s*$",
    re.IGNORECASE,
)

# --- related-articles block -------------------------------------------------
RELATED_HEADING = re.compile(
    r"^\s*(?:"
    r"recommend(?:ed)?(?:\s+(?:for\s+you|articles?|reading|posts?|stories|content))?"
    r"|related(?:\s+(?:articles?|posts?|reading|stories|content|topics|links|news|pages))?"
    r"|(?:you|readers)\s+(?:may|might|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)"
    r"|you\s+may\s+also\s+want\s+to\s+read|see\s+also|further\s+reading|read\s+more"
    r"|more\s+(?:articles?|stories|on\s+this\s+topic|from\s+this\s+category|like\s+this)"
    r"|(?:also\s+)?read(?:\s+also|\s+next)|what\s+to\s+read\s+next"
    # The same headings in the other languages of the open web (German, Spanish,
    # French, Italian, Portuguese, Dutch, Polish): "Verwandte Beiträge", "Artículos
    # relacionados", "Articles similaires", "Podobne artykuły"...
    r"|(?:verwandte|ähnliche|passende|empfohlene)\s+(?:beiträge|artikel|themen|nachrichten)"
    r"|das\s+könnte\s+(?:sie|dich)\s+(?:auch\s+)?interessieren|auch\s+interessant"
    r"|(?:artículos|noticias|entradas|notas|publicaciones|artigos|notícias|posts)"
    r"\s+(?:relacionad[oa]s|similares|recomendad[oa]s)"
    r"|(?:articles?|publications?)\s+(?:similaires|connexes|recommandés|liés)|à\s+lire\s+aussi"
    r"|(?:articoli|notizie|post)\s+(?:correlat[ie]|simili|consigliat[ie])"
    r"|(?:gerelateerde|vergelijkbare)\s+(?:artikelen|berichten)"
    r"|(?:podobne|powiązane|polecane)\s+(?:artykuły|wpisy|posty)"
    r"|相关(?:推荐|文章|阅读|内容|资讯|链接|新闻)|推荐(?:阅读|文章|内容)?|猜你喜欢|延伸阅读"
    r"|热门推荐|精彩推荐|相關(?:文章|推薦|閱讀)|推薦(?:閱讀|文章)?|関連記事|おすすめ記事"
    r")\s*[:：]?\s*$",
    re.IGNORECASE,
)

# --- boilerplate lines --------------------------------------------------------
# Headings of page furniture blocks: a block list under them is not article text.
FURNITURE_HEADING = re.compile(
    r"^\s*(?:popular(?:\s+(?:articles?|posts?|stories|now))?"
    r"|most\s+(?:read|popular|viewed|shared)(?:\s+[\w'’]+){0,4}"
    r"|trending(?:\s+now)?|latest(?:\s+(?:articles?|posts?|news))?|hot\s+(?:articles?|topics)"
    r"|categories|tags?|archives?|share(?:\s+this(?:\s+article)?)?|follow\s+us"
    r"|热门(?:文章|推荐|标签|阅读)?|最新(?:文章|资讯)|点击排行|排行榜|热点(?:资讯)?|标签|分享到?"
    r")\s*[:：]?\s*$",
    re.IGNORECASE,
)

# Whole-line boilerplate: each alternative is one kind, named for the run manifest.
BOILERPLATE_LINES: dict[str, re.Pattern[str]] = {
    "breadcrumb": re.compile(
        r"^\s*(?:current\s+location|you\s+are\s+here|location|当前位置|您的位置|你的位置|"
        r"您现在的位置|所在位置|当前的位置|現在位置)\s*[:：]|^\s*(?:home|首页|主页)\s*(?:>|»|›|/|＞|→)\s*\S",
        re.IGNORECASE,
    ),
    "editor": re.compile(
        r"^\s*[(（\[]?\s*(?:"
        r"(?:editor|responsible\s+editor|author|source|photos?|image|credit|foto|fotos|bild|"
        r"bildquelle|quelle|kuva|zdjęcie|fot\.|imagen|fuente|fonte|źródło|crédits?(?:\s+photos?)?|"
        r"责任编辑|编辑|责编|审核|校对|作者|来源|文|图|摄影|撰文|整理)\s*[:：/]"
        r"|(?:edited|written|reviewed|medically\s+reviewed|fact[-\s]checked|photographed"
        r"|photograph|photos?|images?)\s+by\b"
        r")\s*\S.{0,80}$",
        re.IGNORECASE,
    ),
    # "By Jane Doe" / "By Jane Doe and John Roe": capitalised names only, so that
    # "By age 40, most women..." stays.
    "byline": re.compile(
        r"^\s*(?:[Bb]y|BY)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|,|de|van|von))"
        r"{0,6}\s*(?:[,|·•-]\s*.{0,60})?$"
    ),
    # A short line that is mostly a date: "Published 2025-03-14 · Source: X", "2019年3月1日".
    "dateline": re.compile(
        r"^\s*(?:(?:published|posted|updated|last\s+updated|date|发布时间|发布日期|时间|日期|"
        r"更新时间|发表于|发布于)\s*(?:on\s*)?[:：]?\s*)?.{0,40}?"
        r"(?:\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}|"
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|"
        r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})"
        r"[^.!?。！？]{0,60}$",
        re.IGNORECASE,
    ),
    "copyright": re.compile(
        r"(?:^|\s)(?:©|\(c\)|copyright\b|版权所有|all\s+rights\s+reserved|未经许可)",
        re.IGNORECASE,
    ),
    "disclaimer": re.compile(
        r"^\s*(?:disclaimer|免责声明|声明)\s*[:：]|"
        r"(?:for\s+informational\s+purposes\s+only|not\s+(?:a\s+substitute|intended\s+as\s+a\s+"
        r"substitute)\s+for\s+(?:professional\s+)?medical\s+advice"
        # "本站内容仅供参考": the site's disclaimer; a dosage note's "仅供参考" is content.
        r"|(?:本站|本网|本文|以上内容|文章内容|网站内容)[^。！？]{0,12}仅供参考|不(?:能|可)?作为(?:诊断|医疗)依据)",
        re.IGNORECASE,
    ),
    # The site's note that the article advertises or earns on its links.
    "disclosure": re.compile(
        r"(?:this|the)\s+(?:post|article|page|story)\s+(?:contains|may\s+contain|includes)\s+"
        r"(?:\w+\s+)?(?:affiliate|sponsored|paid)|affiliate[-\s](?:links?|partner)"
        r"|enthält\s+(?:\w+\s+)?(?:werbung|affiliate|anzeigen)|(?:un)?bezahlte\s+werbung"
        r"|werbung\s*[|/(]?\s*(?:un)?beauftragt|provisions?-?links?|(?:partner|affiliate)-?links"
        r"|we\s+(?:may\s+)?(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?(?:commission|compensation)",
        re.IGNORECASE,
    ),
    "share": re.compile(
        r"^\s*(?:share(?:\s+(?:this|on|to|via))?|分享到|分享)\s*[:：]?\s*"
        r"(?:(?:facebook|twitter|x|email|e-mail|whatsapp|pinterest|linkedin|reddit|print|"
        r"weibo|wechat|微信|微博|qq|qq空间|copy\s+link)[\s,|·/]*)*$",
        re.IGNORECASE,
    ),
    "pagination": re.compile(
        r"^\s*(?:page\s+\d+\s+of\s+\d+|共\s*\d+\s*页|第\s*\d+\s*页)|"
        r"^\s*(?:«|‹|<)?\s*(?:\d+\s*){2,}(?:»|›|>)?\s*(?:next|下一页)?\s*$",
        re.IGNORECASE,
    ),
    "tags": re.compile(r"^\s*(?:tags?|标签|关键词|keywords?)\s*[:：]", re.IGNORECASE),
    # A view counter: "read 248,311 times", "12,345 views", "阅读：1234", "浏览 56 次".
    "counter": re.compile(
        r"(?:has\s+been|was|been)\s+(?:read|viewed|seen)\s+[\d,.\s]{1,15}\s+times"
        r"|\b\d[\d,.]{0,12}\s+(?:views|reads|times\s+read)\b"
        r"|(?:阅读|浏览|点击)(?:量|数|次数)?\s*[:：]?\s*\d+\s*次?|\d+\s*次(?:阅读|浏览|点击)",
        re.IGNORECASE,
    ),
    # The comment section's furniture: its count ("3 Kommentare", "No comments",
    # "Comments (12)"), its form's call ("Leave a reply") and login or closed notices.
    "comments": re.compile(
        r"^\W{0,3}(?:\d+|no|keine?|one|ein|aucun|sin|nessun|brak|geen)\s+(?:comments?|kommentare?"
        r"|commentaires?|comentarios?|commenti|komentarz[ey]?|reacties|reactie|responses?"
        r"|replies|antworten|thoughts|gedanken)(?:\s+(?:yet|so\s+far|bisher|vorhanden))?"
        r"(?:\s*[.!]?\s*$|\s*[(\[][^)\]]{0,80}[)\]]\s*$"
        r"|\s+(?:on|to|zu|für|sur|en|su|a|op|do)\s+[\"“„«‘'].{0,80}$)"
        r"|^\W{0,3}(?:comments?|kommentare|commentaires|comentarios|commenti|komentarze"
        r"|reacties|responses|replies)\s*[(\[]?\s*\d+\s*[)\]]?\s*$"
        r"|^\W{0,3}(?:leave|post|add|write|submit)\s+(?:a\s+|your\s+)?(?:comment|reply)"
        r"(?:\s*(?:[.:!]|below|here|cancel\b|\(|$)).{0,40}$"
        r"|^\W{0,3}(?:einen\s+)?(?:kommentar|antwort)\s+(?:schreiben|verfassen|hinterlassen"
        r"|abschicken|abgeben)\b"
        r"|^\W{0,3}(?:you\s+must\s+be|sie\s+müssen|sie\s+sind\s+(?:aktuell\s+|derzeit\s+)?nicht)\s"
        r".{0,40}(?:logged\s+in|eingeloggt|angemeldet)"
        r"|^\W{0,3}(?:comments\s+are\s+closed|kommentare\s+sind\s+geschlossen"
        r"|die\s+kommentarfunktion\s+(?:ist\s+)?(?:geschlossen|deaktiviert))"
        r"|^\W{0,3}(?:发表评论|暂无评论|评论\s*[(（]\s*\d+\s*[)）]\s*$|\d+\s*条评论\s*$)",
        re.IGNORECASE,
    ),
    # An ad slot's label, alone on its line, in the languages of the dev pages, and
    # the "the article goes on below the ad" notes.
    "advert": re.compile(
        r"^\W{0,3}(?:advertisements?|advertising|advert|ad|sponsored(?:\s+content)?|anzeigen?"
        r"|werbung|publicidad|anuncio|publicité|pubblicità|reklama|iklan|реклама|广告|推广"
        r"|(?:the\s+)?(?:story|article|text)\s+continues\s+below(?:\s+(?:this\s+)?(?:ad|advertisement))?"
        r"|continue\s+reading\s+(?:below|the\s+main\s+story))\s*[:：.]?\s*$",
        re.IGNORECASE,
    ),
}

# A teaser on a list page: cut with an ellipsis, maybe with a "more" link after it.
TEASER_END = re.compile(
    r"(?:\.\.\.|…|。。。)\s*\]?\s*(?:\[?\s*(?:详细|详情|更多|全文|阅读全文|查看全文|more|read\s+more|"
    r"continue\s+reading|full\s+story)\s*(?:»|>>|›)?\s*\]?)?\s*$|\[(?:…|\.\.\.)\]\s*$",
    re.IGNORECASE,
)
# Pages of the site rather than articles, by the last part of their URL path or title.
SITE_PAGE_URL = re.compile(
    r"^(?:about(?:-us)?|contact(?:-us)?|privacy(?:-policy)?|terms|legal|imprint|impressum|"
    r"search|tags?|category|categories|topics?|archives?|login|log-in|signin|sign-in|register|"
    r"signup|sign-up|sitemap|faq|help|404|not-found|wp-login\.php|author)(?:\.\w+)?$",
    re.IGNORECASE,
)
SITE_PAGE_TITLE = re.compile(
    r"^\s*(?:about(?:\s+us)?|contact(?:\s+us)?|privacy\s+policy|terms\s+of\s+(?:use|service)|"
    r"search\s+results?|log\s*in|sign\s+in|register|page\s+not\s+found|404|"
    r"关于我们|联系我们|搜索结果?|隐私政策|用户登录|登录|注册|页面不存在|网站地图)\b",
    re.IGNORECASE,
)
# The "Recommend"-style snippets are cut with an ellipsis.
ELLIPSIS_END = re.compile(r"(?:\.\.\.|…|。。。|\.\.\.\s*\]|\[\.\.\.\]|\.\.\.more)\s*$")
# A line that ends like a sentence (a heading usually does not).
SENTENCE_END = re.compile(r"[.!。！;；]['\"”’)）]*\s*$")

# --- promotion lines inside the article -----------------------------------------
# "Read also: ...", "Lesen Sie auch", "Lea también", "相关阅读"...: a line that points at
# another page, whatever the language (the block scorer reads it as a feature).
PROMO_LEAD = re.compile(
    r"^\W{0,3}(?:"
    r"read\s+(?:more|also|next|the\s+full)|see\s+also|also\s+read|more\s+(?:on|from|about)\b"
    r"|related\s*:|recommended\s*:|you\s+(?:may|might)\s+also|don'?t\s+miss|watch\s*:|listen\s*:"
    r"|le[ae]\s+(?:también|más)|vea\s+también|ver\s+también|te\s+puede\s+interesar"
    r"|le\s+puede\s+interesar|mira\s+(?:también|aquí)"
    r"|lesen\s+sie\s+(?:auch|mehr|hier)|mehr\s+zum\s+thema|mehr\s+(?:dazu|lesen|themen)\b"
    r"|(?:zum\s+)?weiterlesen|weiterführende|auch\s+interessant|siehe\s+auch"
    r"|das\s+könnte\s+sie|weitere\s+(?:beiträge|artikel|themen|nachrichten)|passend\s+dazu"
    r"|(?:à\s+)?lire\s+aussi|voir\s+aussi|sur\s+le\s+même\s+sujet|leggi\s+anche|vedi\s+anche"
    r"|leia\s+(?:também|mais)|veja\s+também|lees\s+ook|czytaj\s+(?:też|także|więcej)"
    r"|zobacz\s+(?:też|także)|baca\s+juga|相关(?:阅读|文章|新闻|链接)|延伸阅读|推荐阅读|阅读更多"
    r")",
    re.IGNORECASE,
)
# A call to action that closes an article, in lowered text (the article's last few
# blocks only; see cleaning.extractor.content): following the site somewhere, getting
# its app, joining its channel; or subscribing, signing up, getting it by email, when
# the site speaks of itself ("our", "us"): an article may be about subscriptions.
CALL_TO_ACTION = re.compile(
    r"follow\s+(?:us|(?:@?[\w.]+\s+){1,4}on\s+(?:twitter|facebook|instagram|x|linkedin"
    r"|youtube|telegram|whatsapp|tiktok))|download\s+(?:\w+\s+){0,4}apps?\b"
    r"|(?:join|únete\s+a)\s+(?:us|our|nuestro)\s+(?:on\s+|\w+\s+)?(?:channel|community|canal)"
    r"|(?:canal|channel|kanal)\s+(?:de\s+|on\s+|auf\s+)?(?:youtube|telegram|whatsapp)"
    r"|(?:youtube|telegram|whatsapp)[-\s](?:channel|kanal|canal)|folgen\s+sie\s+uns"
    r"|click\s+here|klicken\s+sie\s+hier|hier\s+klicken|cliquez\s+ici|haz\s+clic\s+aquí"
)
SIGN_UP_CALL = re.compile(
    r"(?<!un)subscri(?:be|ption)|newsletter|sign\s+up|by\s+e-?mail\b|abonnier|suscr[ií]b|abonnez"
    r"|iscriviti|assine"
)
SITE_VOICE = re.compile(r"\b(?:our|us|unser\w*|nuestr[oa]s?|notre|nos|nostr[oaie]|nosso|nossa)\b")
# Calls to subscribe, follow, register, accept cookies, and ad labels, in the languages
# of the dev pages; searched in short blocks only, lowered (case-sensitive: the
# case-blind search of so many alternatives costs ten times as much).
SIGNUP_WORDS = re.compile(
    r"subscri(?:be|ption)|newsletter|sign\s+up|follow\s+(?:us|the)\b|download\s+(?:our|the)\s+app"
    r"|click\s+here|support\s+us|abonn|folgen\s+sie|jetzt\s+(?:anmelden|registrieren|bestellen)"
    r"|hier\s+klicken|suscr[ií]b|síguenos|hazte\s+miembro|inscrivez|iscriviti|assine"
    r"|cookie|werbung|anzeige|advertis|sponsored|publicidad|iklan|广告|关注我们|扫码",
)
# The "enable JavaScript" notice, not any sentence about JavaScript; searched (lowered)
# only in blocks that name it: in SIGNUP_WORDS it doubled that search's cost.
JAVASCRIPT_NOTICE = re.compile(
    r"(?:enable|activate|turn\s+on|allow|requires?)\s+javascript"
    r"|javascript\s+(?:is\s+)?(?:disabled|required|enabled|turned\s+off|must)"
)
