"""en_mojibake: an English Joomla-style remedies site with broken text encoding.

    python tests/corpus/en_mojibake/build.py

Three pages are UTF-8 (and say so) but their text was double-encoded on the way into the
CMS database: `don’t` reads `donâ€™t`, “quotes” read `â€œquotesâ€\\x9d` (with the C1 control
character U+009D), `é` reads `Ã©`, `½` reads `Â½`, `…` reads `â€¦`, `«` reads `Â«`. The
expected record holds the repaired text, as the page was meant to show. The fourth page is
clean text in windows-1252 bytes, declared only in <meta http-equiv>.

Headings `(1) Heading` in <h3> or in <p><strong>; "« Previous post:" / "Next post »"
links; "Recommended reading" module; "You are here" breadcrumb; Joomla article info
(Written by, as microdata author / Category / Published, in words / Hits), a meta
description broken like the rest of the page; a "Warning:" box and a dosage table inside the
honey article.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from handlib import Article, esc, expected_article, words_date, write_template  # noqa: E402

BASE = "http://www.dailyremedy.test/"


def mojibake(text: str) -> str:
    """UTF-8 bytes read as windows-1252 (bytes 1252 leaves undefined read as latin-1)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


BOILER = ["You are here", "Written by", "Category:", "Published:", "Hits:", "Previous post",
          "Next post", "Recommended reading", "Print", "Email", "Copyright", "All rights reserved",
          "Daily Remedy", "Most read", "Back to Top"]

ARTICLES = [
    Article(
        file="ginger-for-nausea.html",
        path="/remedies/ginger-for-nausea.html",
        title="Ginger for nausea: what the research says",
        extra={"broken": True, "head": "h3", "author": "Claire Dunn", "date": "2023-05-14",
               "desc": "Ginger is one of the few herbal remedies with real research behind it, but it isn’t a cure-all. What it does for morning sickness, travel and surgery.",
               "hits": 4211},
        intro=[
            "Ginger has been used for stomach upsets for thousands of years, and it’s one of the few herbal remedies with a reasonable amount of research behind it. But it isn’t a cure-all, and the right dose matters. Here’s what we know — and what we don’t.",
        ],
        sections=[
            ("Morning sickness in pregnancy", [
                "Several small trials have found that ginger reduces nausea in early pregnancy better than a placebo, and about as well as vitamin B6. Most studies used around 1 gram of ginger a day, split into three or four doses. It doesn’t seem to help vomiting as much as it helps the queasy feeling itself. Talk to your midwife or doctor before taking ginger supplements while pregnant, especially if you have a bleeding disorder.",
            ]),
            ("Motion sickness", [
                "The evidence here is mixed. Some studies of sailors and travellers found that ginger helped; others found no difference at all. If you want to try it, take it about an hour before the journey. Many people find that nibbling crystallised ginger or sipping a “ginger shot” is easier on the stomach than swallowing capsules.",
            ]),
            ("Nausea after surgery and chemotherapy", [
                "Ginger may add a modest benefit when it is taken alongside standard anti-sickness medicines during chemotherapy, but it isn’t a replacement for them. Because ginger can slightly thin the blood, surgeons usually ask patients to stop taking it about a week before an operation.",
            ]),
            ("How to take it", [
                "Fresh ginger tea is the simplest option: pour hot water over a few thin slices of the root and let it steep for ten minutes. Ginger biscuits and ginger ale often contain very little real ginger, so don’t count on them. Most adults shouldn’t take more than 4 grams a day; higher doses can cause heartburn, wind and diarrhoea.",
                "A mug of fresh ginger in hot water is on the menu at most cafés now, often sold as a “detox” tea – a claim with no evidence behind it, though the tea itself is harmless.",
            ]),
        ],
        prev=("Peppermint oil for IBS: does it help?", "/remedies/peppermint-oil-ibs.html"),
        next=("Is it safe to exercise with a cold?", "/remedies/exercise-with-a-cold.html"),
        related=[
            ("Peppermint oil for IBS: does it help?", "/remedies/peppermint-oil-ibs.html",
             "Enteric-coated peppermint oil capsules relax the muscles of the gut, and several trials…"),
            ("What to eat when you’re feeling sick", "/remedies/eating-when-sick.html",
             "Plain crackers, toast and rice are easier to keep down than rich food, but don’t…"),
            ("Morning sickness: when it’s more than “normal”", "/pregnancy/hyperemesis.html",
             "Most nausea in pregnancy settles by 14 weeks. Severe vomiting that stops you keeping…"),
            ("Travel sickness in children", "/children/travel-sickness.html",
             "Looking out of the window at the horizon, fresh air and small snacks help many…"),
        ],
        must_not_contain=[*BOILER, "Claire Dunn", "Enteric-coated peppermint oil"],
        must_contain=["it’s one of the few herbal remedies", "sipping a “ginger shot”",
                      "most cafés now", "a “detox” tea – a claim", "Here’s what we know — and what we don’t."],
    ),
    Article(
        file="exercise-with-a-cold.html",
        path="/remedies/exercise-with-a-cold.html",
        title="Is it safe to exercise with a cold?",
        extra={"broken": True, "head": "h3", "author": "Ben Hollis", "date": "2023-06-02",
               "desc": "The “neck rule” for exercising with a cold: when a gentle workout is fine, when to rest, and how to get back to training safely.",
               "hits": 2875},
        intro=[
            "You’ve got a runny nose and a scratchy throat, and your running shoes are by the door. Should you go out or stay on the sofa? Doctors often use a simple rule of thumb called the “neck check”.",
        ],
        sections=[
            ("Symptoms above the neck", [
                "If your symptoms are only above the neck – a runny or blocked nose, sneezing or a mild sore throat – light exercise is usually fine. A gentle walk, an easy bike ride or some yoga may even help you feel less stuffy for a while. Cut the intensity and the length of your session by about half, and stop if you start to feel worse.",
            ]),
            ("Symptoms below the neck", [
                "If you have a fever, aching muscles, a chesty cough or an upset stomach, or you simply feel exhausted, rest is the better choice. Exercising with a fever raises your heart rate even further and, rarely, a viral infection can inflame the heart muscle. Wait until you’ve been fever-free for at least a day before you start again. Signs you should stay in bed:",
                ("ul", [
                    "A temperature of 38 °C or more",
                    "Aching all over",
                    "A cough that brings up phlegm",
                    "Tightness in the chest or shortness of breath",
                ]),
            ]),
            ("Getting back to training", [
                "Give yourself a few easy days once the symptoms have cleared. A useful guide is to return at half your usual effort and build up over a week. Keep drinking plenty of fluids, and think about others: a gym is a great place to share a cold, so wipe down the equipment and skip group classes while you’re still sniffling.",
            ]),
        ],
        prev=("Ginger for nausea: what the research says", "/remedies/ginger-for-nausea.html"),
        next=("Honey for children’s coughs: how much is safe?", "/remedies/honey-for-coughs.html"),
        related=[
            ("Cold or flu? How to tell them apart", "/remedies/cold-or-flu.html",
             "Colds creep up over a day or two; flu hits you suddenly, with fever and aches that…"),
            ("Does vitamin C stop colds?", "/remedies/vitamin-c-colds.html",
             "Taking vitamin C every day won’t stop most people catching a cold, but it may…"),
            ("Steam inhalation: safe or risky?", "/remedies/steam-inhalation.html",
             "Breathing in steam can loosen a blocked nose for a while, but bowls of boiling water…"),
        ],
        must_not_contain=[*BOILER, "Ben Hollis", "Colds creep up over a day"],
        must_contain=["A temperature of 38 °C or more", "the “neck check”",
                      "a runny or blocked nose, sneezing or a mild sore throat – light exercise"],
    ),
    Article(
        file="honey-for-coughs.html",
        path="/remedies/honey-for-coughs.html",
        title="Honey for children’s coughs: how much is safe?",
        extra={"broken": True, "head": "p", "author": "Claire Dunn", "date": "2023-06-19",
               "desc": "Honey can soothe a child’s cough at night – but never give it to babies under one. Doses by age, and when to see a doctor.",
               "hits": 6102},
        intro=[
            "When a child is kept awake by a cough, many parents reach for the honey jar – and for once the traditional remedy has some science on its side. Studies have found that a spoonful of honey before bed can ease night-time coughing and help both children and parents sleep better.",
        ],
        sections=[
            ("Why honey helps", [
                "Honey coats the throat and soothes the irritation that sets off coughing. Its thick texture and sweet taste may also act on the nerves that control the cough reflex. In trials it worked at least as well as some over-the-counter cough syrups, which are not recommended for young children anyway.",
            ]),
            ("How much to give", [
                "Give the honey on its own or stirred into a warm (not hot) drink, about 30 minutes before bed. As a rough guide:",
                ("table", [
                    ["Age", "Amount of honey"],
                    ["Under 1 year", "None"],
                    ["1–5 years", "½ teaspoon (2.5 ml)"],
                    ["6–11 years", "1 teaspoon (5 ml)"],
                    ["12 years and over", "2 teaspoons (10 ml)"],
                ]),
                ("box", "<strong>Warning:</strong> Never give honey to babies under 12 months old, not even a tiny taste on a dummy. Honey can contain spores of the bacterium that causes infant botulism, a rare but serious illness."),
            ]),
            ("When to see a doctor", [
                "Most coughs in children are caused by colds and clear up within three weeks. See a doctor if your child is breathing fast or struggling to breathe, has a high temperature that won’t come down, coughs up blood, or has a cough that ends in a “whoop” sound. Trust your instincts: you know your child best.",
            ]),
        ],
        prev=("Is it safe to exercise with a cold?", "/remedies/exercise-with-a-cold.html"),
        next=("Chamomile tea and sleep: does it work?", "/remedies/chamomile-tea-sleep.html"),
        related=[
            ("Croup: what parents need to know", "/children/croup.html",
             "A barking cough that starts at night, often with a hoarse voice, is the classic sign…"),
            ("Why children’s cough medicines aren’t recommended", "/children/cough-medicines.html",
             "Most cough syrups sold for children have little evidence behind them and some…"),
            ("Fever in children: when to worry", "/children/fever-when-to-worry.html",
             "A high temperature on its own is rarely dangerous. What matters more is how your…"),
            ("Sore throats: honey, lemon and salt water", "/remedies/sore-throat.html",
             "Gargling with warm salt water, sucking a lozenge and sipping honey and lemon all…"),
        ],
        must_not_contain=[*BOILER, "Croup: what parents need to know", "A barking cough"],
        must_contain=["1–5 years | ½ teaspoon (2.5 ml)", "Warning: Never give honey to babies under 12 months old",
                      "a cough that ends in a “whoop” sound"],
    ),
    Article(
        file="chamomile-tea-sleep.html",
        path="/remedies/chamomile-tea-sleep.html",
        title="Chamomile tea and sleep: does it work?",
        extra={"broken": False, "head": "p", "author": "Ben Hollis", "date": "2023-07-03",
               "desc": "Does a cup of chamomile tea before bed really help you sleep? What the studies show, who should be careful, and how to make the most of it.",
               "hits": 1988},
        intro=[
            "Chamomile tea is one of the world’s most popular bedtime drinks. It’s caffeine-free, it’s cheap, and the ritual of a warm cup in the evening is soothing in itself. But does the tea actually help you sleep, or is it all in the mind?",
        ],
        sections=[
            ("What the studies show", [
                "Chamomile contains apigenin, a compound that binds to the same brain receptors as some anti-anxiety medicines, though much more weakly. A handful of small studies in older adults and new mothers found modest improvements in sleep quality after a few weeks of daily chamomile. Larger, better-designed trials are still missing, so the honest answer is “maybe a little”.",
            ]),
            ("Who should be careful", [
                "Chamomile belongs to the daisy family, so people who are allergic to ragweed, chrysanthemums or marigolds may react to it. It may also interact with blood thinners such as warfarin, and with sedatives. Pregnant women should stick to the occasional cup rather than large amounts or concentrated extracts.",
            ]),
            ("Making the most of it", [
                "Use one or two tea bags, or a heaped teaspoon of dried flowers, and steep for five to ten minutes with the cup covered to keep in the aromatic oils. Drink it about an hour before bed, and don’t make the cup too large, or you may be woken by a trip to the bathroom.",
                "Combined with a regular bedtime and a dark, cool room, it’s a pleasant part of a good sleep routine – the café-style latte version with sugar and whole milk, not so much.",
            ]),
        ],
        prev=("Honey for children’s coughs: how much is safe?", "/remedies/honey-for-coughs.html"),
        next=None,
        related=[
            ("Valerian root: the evidence", "/remedies/valerian-root.html",
             "Valerian has been used as a sleep aid since Roman times, but modern studies…"),
            ("Warm milk before bed: myth or help?", "/remedies/warm-milk-bed.html",
             "A warm drink can be part of a calming routine, but the amount of tryptophan in…"),
            ("Lavender for anxiety", "/remedies/lavender-anxiety.html",
             "Lavender oil capsules have shown some effect on mild anxiety in a few trials…"),
        ],
        must_not_contain=[*BOILER, "Ben Hollis", "Valerian has been used"],
        must_contain=["the honest answer is “maybe a little”.", "the café-style latte version",
                      "one of the world’s most popular bedtime drinks"],
    ),
]


def render_block(block) -> str:
    if isinstance(block, str):
        return f"<p>{block}</p>"
    kind, body = block
    if kind == "ul":
        return "<ul>" + "".join(f"<li>{i}</li>" for i in body) + "</ul>"
    if kind == "table":
        rows = []
        for n, r in enumerate(body):
            tag = "th" if n == 0 else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in r) + "</tr>")
        return '<table class="table table-striped">' + "".join(rows) + "</table>"
    if kind == "box":
        return f'<div class="alert alert-warning"><p>{body}</p></div>'
    raise ValueError(kind)


def render(a: Article) -> str:
    x = a.extra
    body = [render_block(b) for b in a.intro]
    for i, (heading, blocks) in enumerate(a.sections):
        if x["head"] == "h3":
            body.append(f"<h3>({i + 1}) {heading}</h3>")
        else:
            body.append(f"<p><strong>({i + 1}) {heading}</strong></p>")
        body.extend(render_block(b) for b in blocks)
    links = []
    if a.prev:
        links.append(f'<li class="previous">« Previous post: <a href="{a.prev[1]}" rel="prev">{esc(a.prev[0])}</a></li>')
    if a.next:
        links.append(f'<li class="next">Next post » <a href="{a.next[1]}" rel="next">{esc(a.next[0])}</a></li>')
    related = "\n".join(
        f'<li><a href="{h}">{esc(t)}</a><div class="snip">{esc(s)}</div></li>' for t, h, s in a.related
    )
    charset = ('<meta charset="utf-8">' if x["broken"]
               else '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    nl = "\n"
    page = f"""<!DOCTYPE html>
<html lang="en-gb" dir="ltr">
<head>
{charset}
<meta name="generator" content="Joomla! - Open Source Content Management">
<title>{esc(a.title)} - Daily Remedy</title>
<meta name="description" content="{esc(x['desc'])}">
<link href="/templates/protostar/css/template.css" rel="stylesheet">
</head>
<body class="site com_content view-article itemid-118">
<div class="body"><div class="container">
<header class="header"><a class="brand pull-left" href="/"><span class="site-title">Daily Remedy</span></a>
<div class="header-search pull-right"><form action="/search" method="get"><input name="searchword" placeholder="Search ..."></form></div></header>
<nav class="navigation"><ul class="nav menu"><li><a href="/">Home</a></li><li><a href="/remedies/">Remedies</a></li><li><a href="/children/">Children</a></li><li><a href="/pregnancy/">Pregnancy</a></li></ul></nav>
<div class="row-fluid">
<main id="content" class="span9">
<ul class="breadcrumb"><li>You are here: &#160;</li><li><a href="/" class="pathway">Home</a> » </li><li><a href="/remedies/" class="pathway">Remedies</a> » </li><li class="active"><span>{esc(a.title)}</span></li></ul>
<div class="item-page" itemscope itemtype="http://schema.test/Article">
<div class="page-header"><h2 itemprop="headline">{esc(a.title)}</h2></div>
<div class="icons"><ul class="dropdown-menu"><li class="print-icon"><a href="{a.path}?tmpl=component&amp;print=1">Print</a></li><li class="email-icon"><a href="/component/mailto/?link=1">Email</a></li></ul></div>
<dl class="article-info muted"><dt class="article-info-term">Details</dt>
<dd class="createdby" itemprop="author" itemscope itemtype="http://schema.test/Person">Written by <span itemprop="name">{x['author']}</span></dd>
<dd class="category-name">Category: <a href="/remedies/">Remedies</a></dd>
<dd class="published">Published: {words_date(x['date'], "dmy")}</dd>
<dd class="hits">Hits: {x['hits']}</dd></dl>
<div itemprop="articleBody">
{nl.join(body)}
</div>
<ul class="pager pagenav">
{nl.join(links)}
</ul>
</div>
<div class="moduletable related"><h3>Recommended reading</h3>
<ul class="relateditems mod-list">
{related}
</ul></div>
</main>
<aside class="span3"><div class="moduletable"><h3>Most read</h3><ul class="mostread"><li><a href="/remedies/apple-cider-vinegar.html">Apple cider vinegar: hype or help?</a></li><li><a href="/remedies/turmeric.html">Turmeric and joint pain</a></li></ul></div></aside>
</div>
</div></div>
<footer class="footer"><div class="container"><hr><p class="pull-right"><a href="#top" id="back-top">Back to Top</a></p><p>© 2023 Daily Remedy. All rights reserved. Nothing on this site replaces advice from your own doctor or pharmacist.</p></div></footer>
</body>
</html>
"""
    return mojibake(page) if x["broken"] else page


def main() -> None:
    pages = {}
    for a in ARTICLES:
        x = a.extra
        # microdata author, "Published:" in words (no <time>), "You are here" breadcrumb,
        # meta description (double-encoded with the rest of the page: expected repaired)
        a.meta = {"published": x["date"], "authors": [x["author"]], "categories": ["Remedies"],
                  "description": x["desc"]}
        encoding = "utf-8" if a.extra["broken"] else "windows-1252"
        pages[a.file] = (render(a), expected_article(a, BASE, encoding, "en"))
    write_template(HERE, pages)


if __name__ == "__main__":
    main()
