"""en_news_health: an English news-style health site.

    python tests/corpus/en_news_health/build.py

Numbered headings as `<p><b>1. Heading</b></p>`, byline "By ...", "Medically reviewed by",
published/updated dateline, "Advertisement" slots and a newsletter sign-up box *inside* the
article body, cookie banner, "Related articles" as <li><a>title</a><p>snippet</p></li>,
"Previous article" / "Next article" labels on their own line with the link on the next,
trending sidebar, JSON-LD. Metadata: a NewsArticle JSON-LD (dates with the newsroom's
offset, author, articleSection, an ImageObject beside the publisher's logo), news_keywords,
og:image, meta description; the visible byline/reviewer/dateline; a "Sources" <ol> ending
one article (linked and unlinked entries), which leaves text for `references`; on
weekend-migraines the JSON-LD datePublished (March 21) and the visible dateline (March 23)
disagree. Negative cases: a paragraph starting "By age 40, ...", plain
paragraphs "1. ...", "2. ..." inside a section, a quote from a doctor, a vaccine table;
one page is intro-only (no headings at all).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from handlib import (  # noqa: E402
    Article,
    esc,
    expected_article,
    ftext,
    words_date,
    write_template,
)

BASE = "http://www.healthwire-news.test/"

BOILER = ["Advertisement", "Medically reviewed by", "Published", "Updated", "Sign up",
          "newsletter", "We use cookies", "Accept all", "All rights reserved",
          "Related articles", "Previous article", "Next article", "Trending",
          "informational purposes only", "Healthwire", "Subscribe", "Follow us"]

ARTICLES = [
    Article(
        file="resting-heart-rate.html",
        path="/health/heart/resting-heart-rate-what-it-means-20240302",
        title="What your resting heart rate says about your health",
        extra={"author": "Jane Doe", "reviewer": "Samuel Okafor, MD", "section": "Heart health",
               "published": "2024-03-02T07:30:00-05:00", "updated": "2024-03-05T16:45:00-05:00",
               "ad_after": 2, "newsletter_after": 3,
               "keywords": ["heart rate", "cardiology", "wearables"],
               "sources": [
                   'American Heart Association. <a href="http://www.heart-assoc.test/healthy-living/target-heart-rates">Target heart rates chart</a>. Updated 2024.',
                   "Jensen MT, Suadicani P, Hein HO, Gyntelberg F. Elevated resting heart rate, physical fitness and all-cause mortality: a 16-year follow-up in the Copenhagen Male Study. <em>Heart</em>. 2013;99(12):882-887.",
                   'Zhang D, Shen X, Qi X. <a href="http://doi.test/10.1503/cmaj.150535">Resting heart rate and all-cause and cardiovascular mortality in the general population: a meta-analysis</a>. <em>CMAJ</em>. 2016;188(3):E53-E63.',
               ]},
        intro=[
            "Your heart beats roughly 100,000 times a day, and the number of beats per minute while you sit quietly, your resting heart rate, is one of the simplest health measurements you can take at home. Smartwatches now track it around the clock, which has left many people wondering what their number actually means.",
            "“Resting heart rate is a window into how hard your heart has to work,” said Dr. Maria Chen, a cardiologist at a large teaching hospital. “It won’t diagnose anything on its own, but a steady change over weeks or months is worth paying attention to.”",
        ],
        sections=[
            ("What counts as normal", [
                "For most adults, a resting heart rate between 60 and 100 beats per minute is considered normal. Well-trained athletes often sit in the 40s or 50s because their hearts pump more blood with each beat. Readings vary through the day, so the most reliable time to measure is in the morning, after you wake up and before coffee, having sat still for five minutes first.",
                "By age 40, many people find that their resting rate has crept up by a few beats compared with their twenties, usually because of lower fitness rather than age itself. Regular aerobic exercise, such as brisk walking, cycling or swimming, can bring it back down within a few months.",
            ]),
            ("How to measure it yourself", [
                "You don’t need a gadget to check your pulse. Use this simple method:",
                ("ol", [
                    "Sit down and rest for five minutes.",
                    "Place two fingers on the inside of your wrist, just below the thumb.",
                    "Count the beats for 30 seconds and multiply by two.",
                    "Repeat on three different mornings and take the average.",
                ]),
            ]),
            ("When a high number matters", [
                "A resting heart rate that stays above 100, a condition called tachycardia, can be caused by fever, dehydration, anaemia, an overactive thyroid, anxiety or certain medicines. Large studies have also linked a persistently higher resting rate with a greater risk of heart disease, even within the normal range. Caffeine, alcohol, nicotine and poor sleep all push the number up for a while.",
            ]),
            ("When a low number matters", [
                "A slow rate is usually a sign of fitness, but not always. If a resting rate under 50 comes with dizziness, fainting, shortness of breath or unusual tiredness, the heart’s electrical system may not be working properly, and you should see a doctor. Beta blockers and some other heart medicines also slow the pulse, so mention them when you discuss your readings.",
                "Call emergency services if a fast or slow heartbeat comes with chest pain, severe breathlessness or fainting.",
            ]),
        ],
        prev=("Five myths about cholesterol, debunked", "/health/heart/cholesterol-myths-20240224"),
        next=("Flu shots this season: who should get one and when", "/health/infections/flu-shot-season-timing-20240309"),
        related=[
            ("Is your smartwatch right about your heart?", "/health/heart/smartwatch-heart-accuracy-20240118",
             "Wearables are good at counting beats at rest but less reliable during intense exercise, a new..."),
            ("Palpitations: when a racing heart is harmless", "/health/heart/palpitations-harmless-20231130",
             "Most people feel their heart flutter or pound now and then. Doctors explain which episodes..."),
            ("The 10-minute walk that lowers blood pressure", "/health/heart/walk-lowers-blood-pressure-20231012",
             "Short bursts of brisk walking after meals may do more for blood pressure than one long..."),
        ],
        must_not_contain=[*BOILER, "By Jane Doe", "Samuel Okafor", "Is your smartwatch right", "Most people feel their heart flutter",
                          "Sources", "Target heart rates chart", "Copenhagen Male Study", "meta-analysis"],
        must_contain=["By age 40, many people find that their resting rate has crept up",
                      "Count the beats for 30 seconds and multiply by two.",
                      "said Dr. Maria Chen"],
    ),
    Article(
        file="flu-shot-season.html",
        path="/health/infections/flu-shot-season-timing-20240309",
        title="Flu shots this season: who should get one and when",
        extra={"author": "Mark Ellison", "reviewer": "Lauren Pike, MD, MPH", "section": "Infections",
               "published": "2024-03-09T06:00:00-05:00", "updated": None, "ad_after": 1,
               "newsletter_after": 2, "keywords": ["flu", "vaccines", "infections"]},
        intro=[
            "Flu season in the Northern Hemisphere usually starts in October and peaks between December and February. Health officials recommend a yearly flu vaccine for nearly everyone aged six months and older, but each autumn brings the same questions about timing, side effects and which shot to choose.",
        ],
        sections=[
            ("Who needs it most", [
                "While almost everyone benefits, some groups face a much higher risk of serious illness and hospital treatment from the flu:",
                ("ul", [
                    "Adults aged 65 and older",
                    "Pregnant women, at any stage of pregnancy",
                    "Children under five, and especially those under two",
                    "People with asthma, diabetes, heart disease or a weakened immune system",
                    "Residents of nursing homes and other long-term care facilities",
                ]),
                "Getting vaccinated also protects the people around you who cannot be vaccinated, such as babies younger than six months.",
            ]),
            ("When to get vaccinated", [
                "September and October are ideal for most people. The vaccine takes about two weeks to build full protection, and that protection slowly fades over the following months, so getting it very early, in July or August, may leave older adults less protected late in the season. Still, it is never too late: a shot in January is better than none at all.",
            ]),
            ("Which vaccine to choose", [
                "Several types of flu vaccine are available, and a pharmacist or doctor can help you pick the right one. The main options are:",
                ("table", [
                    ["Vaccine type", "Who it is for", "How it is given"],
                    ["Standard-dose inactivated", "Most people 6 months and older", "Injection in the arm"],
                    ["High-dose or adjuvanted", "Adults 65 and older", "Injection in the arm"],
                    ["Live attenuated", "Healthy people aged 2 to 49", "Spray in the nose"],
                ]),
                "The nasal spray is not recommended during pregnancy or for people with weakened immune systems. Side effects of all types are usually mild: a sore arm, a slight temperature or aching muscles for a day or two.",
            ]),
            ("What to do if you catch the flu", [
                "Even vaccinated people sometimes catch the flu, although the illness is usually milder. If it happens to you:",
                "1. Stay home until you have been free of fever for at least 24 hours without taking medicine.",
                "2. Drink plenty of fluids and rest as much as you can.",
                "3. Call your doctor within two days of the first symptoms if you are in a high-risk group, because antiviral medicines work best when they are started early.",
            ]),
        ],
        prev=("What your resting heart rate says about your health", "/health/heart/resting-heart-rate-what-it-means-20240302"),
        next=("Dehydration in older adults: the signs family members miss", "/health/aging/dehydration-older-adults-signs-20240316"),
        related=[
            ("Cold or flu? How to tell the difference", "/health/infections/cold-or-flu-20231107",
             "Both start with a sore throat and a runny nose, but the flu tends to arrive suddenly and..."),
            ("Can you get a flu shot and a Covid booster together?", "/health/infections/flu-covid-same-day-20230921",
             "Yes, say infectious disease experts, and doing both in one visit may make it more likely..."),
            ("Why some people feel ill after a vaccine", "/health/infections/vaccine-side-effects-20230830",
             "A sore arm, a headache or a day of tiredness are signs that the immune system is..."),
        ],
        must_not_contain=[*BOILER, "By Mark Ellison", "Lauren Pike", "Cold or flu? How to tell"],
        must_contain=["1. Stay home until you have been free of fever",
                      "3. Call your doctor within two days of the first symptoms",
                      "High-dose or adjuvanted | Adults 65 and older | Injection in the arm",
                      "Residents of nursing homes and other long-term care facilities"],
    ),
    Article(
        file="dehydration-older-adults.html",
        path="/health/aging/dehydration-older-adults-signs-20240316",
        title="Dehydration in older adults: the signs family members miss",
        extra={"author": "Priya Raman", "reviewer": "Henry Walsh, MD", "section": "Healthy aging",
               "published": "2024-03-16T09:00:00-04:00", "updated": "2024-03-18T21:30:00-04:00",
               "ad_after": 1, "newsletter_after": None,
               "keywords": ["dehydration", "older adults", "caregiving"]},
        intro=[
            "Older adults are more likely to become dehydrated than any other age group, and the consequences can be serious, from falls and confusion to kidney problems and a stay in hospital. Yet the warning signs are easy to miss, even for family members who visit every day.",
        ],
        sections=[
            ("Why older people run dry", [
                "The sense of thirst weakens with age, so an 80-year-old may feel no urge to drink even when the body is short of water. The kidneys also become less able to hold on to fluid. Some people cut back on drinking on purpose because of bladder problems or difficulty getting to the toilet, and common medicines such as diuretics and laxatives add to the losses.",
            ]),
            ("Signs to look for", [
                ("h4", "Early signs"),
                ("ul", [
                    "Dark yellow urine, or going to the toilet less often",
                    "Dry mouth and lips",
                    "Headache and tiredness",
                ]),
                ("h4", "Later signs"),
                ("ul", [
                    "Sudden confusion or unusual sleepiness",
                    "Dizziness when standing up",
                    "A fast heartbeat and low blood pressure",
                ]),
                "Sudden confusion in an older person is always a reason to call a doctor the same day, whatever the cause turns out to be.",
            ]),
            ("Simple ways to help", [
                "Offer drinks little and often rather than large glasses, and keep a jug of water or a favourite drink within easy reach. Foods with a high water content, such as soup, yoghurt, melon and cucumber, count too, and for most people so do tea and coffee. A simple chart on the fridge can help carers see how much has been drunk by the middle of the afternoon.",
            ]),
        ],
        prev=("Flu shots this season: who should get one and when", "/health/infections/flu-shot-season-timing-20240309"),
        next=None,
        related=[
            ("How much water do you really need?", "/health/nutrition/how-much-water-20230704",
             "The old advice of eight glasses a day is a rough guide at best. Your needs depend on..."),
            ("Falls in older adults: five ways to cut the risk", "/health/aging/falls-prevention-20230612",
             "One in four people over 65 falls each year, but many falls can be prevented with..."),
            ("Heat waves are hardest on the elderly. Here's why", "/health/aging/heat-waves-elderly-20230719",
             "Ageing bodies sweat less and feel heat later, which leaves older people at higher..."),
            ("Urinary tract infections can cause sudden confusion", "/health/aging/uti-confusion-20230502",
             "In older adults, a bladder infection may show up as agitation or confusion rather than..."),
        ],
        must_not_contain=[*BOILER, "By Priya Raman", "Henry Walsh", "Falls in older adults"],
        must_contain=["Early signs", "Later signs", "Dizziness when standing up",
                      "A simple chart on the fridge"],
    ),
    Article(
        file="weekend-migraines.html",
        path="/health/brain/weekend-migraines-why-20240323",
        title="Why migraines strike more often on weekends",
        extra={"author": "Tom Becker", "reviewer": "Anita Russo, MD", "section": "Brain and nerves",
               # The JSON-LD states the first publication; the visible dateline shows the
               # day the story was re-published (docs/metadata.md: the JSON-LD wins).
               "published": "2024-03-21T06:00:00-04:00", "shown_published": "2024-03-23",
               "updated": None, "ad_after": 2, "newsletter_after": 4,
               "keywords": ["migraine", "headache", "sleep"]},
        intro=[
            "For many people with migraine, Saturday morning is the worst time of the week. The pattern is common enough that doctors have a name for it, the “weekend headache”, and researchers have several explanations for why attacks cluster when work stops.",
            "The most likely culprit is a change in routine. Sleeping in by an hour or two, skipping breakfast or having the first coffee of the day much later than usual can all act as triggers in people whose brains are sensitive to change. Caffeine withdrawal in particular can set off a headache within hours of the missed morning cup.",
            "Stress plays a part too, but in a surprising way. Headaches often start not during a stressful week but as the pressure lifts, a so-called let-down effect. Some experts think the sudden fall in stress hormones after a busy week leaves the brain more vulnerable to an attack.",
            "The fix is to keep weekends as similar to weekdays as possible. Get up within an hour of your usual time, eat breakfast, have your coffee at the normal time and keep drinking water. A headache diary, kept for two or three months, can show which changes matter most for you.",
            "If you have headaches on more than four days a month, or ordinary painkillers are no longer working, talk to a doctor about preventive treatment. Taking painkillers on more than ten days a month can itself cause more frequent headaches.",
        ],
        sections=[],
        prev=None,
        next=("Five myths about cholesterol, debunked", "/health/heart/cholesterol-myths-20240224"),
        related=[
            ("Migraine or tension headache? The key differences", "/health/brain/migraine-vs-tension-20231204",
             "Throbbing pain on one side, sensitivity to light and nausea point to migraine, while..."),
            ("Does caffeine help or hurt headaches?", "/health/brain/caffeine-headaches-20230915",
             "A little caffeine can make painkillers work better, but daily coffee drinkers who..."),
        ],
        must_not_contain=[*BOILER, "By Tom Becker", "Anita Russo", "Does caffeine help or hurt"],
        must_contain=["Caffeine withdrawal in particular can set off a headache",
                      "Taking painkillers on more than ten days a month can itself cause more frequent headaches."],
    ),
]

AD = ('<div class="ad-slot ad-slot--inline" data-ad-unit="/health/article/inline"><span class="ad-label">Advertisement</span>'
      '<div id="div-gpt-ad-inline" style="min-height:250px"></div></div>')


def newsletter(section: str) -> str:
    return ('<aside class="newsletter-promo"><h3>Get our free weekly health newsletter</h3>'
            f'<p>Sign up for expert advice on {section.lower()} and more, delivered to your inbox every Friday.</p>'
            '<form action="/newsletter/subscribe" method="post"><input type="email" name="email" placeholder="Email address">'
            '<button type="submit">Subscribe</button></form>'
            '<p class="fine-print">By subscribing you agree to our Privacy Policy. You can unsubscribe at any time.</p></aside>')


def render_block(block) -> str:
    if isinstance(block, str):
        return f"<p>{block}</p>"
    kind, body = block
    if kind in ("ul", "ol"):
        return f"<{kind}>" + "".join(f"<li>{i}</li>" for i in body) + f"</{kind}>"
    if kind == "table":
        head = "".join(f'<th scope="col">{c}</th>' for c in body[0])
        rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in body[1:])
        return f'<div class="table-scroll"><table class="data-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    if kind == "h4":
        return f"<h4>{body}</h4>"
    raise ValueError(kind)


def image_url(a: Article) -> str:
    return f"{BASE}images/{a.file[:-5]}.jpg"


def description(a: Article) -> str:
    """The site's meta description: the first 150 characters of the lead paragraph."""
    return ftext(a.intro[0])[:150]


def meta_of(a: Article) -> dict:
    """What the page states about the article (see render for where it says it)."""
    x = a.extra
    return {
        "published": x["published"],  # JSON-LD datePublished, with the newsroom's offset
        "modified": x["updated"],  # JSON-LD dateModified
        "authors": [x["author"]],
        "reviewers": [x["reviewer"]],
        "tags": x["keywords"],  # news_keywords
        "categories": [x["section"]],  # JSON-LD articleSection
        "description": description(a),
        "image": image_url(a),  # JSON-LD ImageObject and og:image
        "references": x.get("sources", []),
    }


def render(a: Article) -> str:
    x = a.extra
    body = [render_block(b) for b in a.intro]
    if not a.sections:
        body.insert(x["ad_after"], AD)
        body.insert(x["newsletter_after"] + 1, newsletter(x["section"]))
    for i, (heading, blocks) in enumerate(a.sections):
        if i == x["ad_after"]:
            body.append(AD)
        if x["newsletter_after"] is not None and i == x["newsletter_after"]:
            body.append(newsletter(x["section"]))
        body.append(f"<p><b>{i + 1}. {heading}</b></p>")
        body.extend(render_block(b) for b in blocks)
    if x.get("sources"):
        items = "".join(f"<li>{entry}</li>" for entry in x["sources"])
        body.append(f'<h3 class="story__sources-title">Sources</h3>\n<ol class="story__sources">{items}</ol>')
    pager = []
    if a.prev:
        pager.append(f'<div class="pager__prev"><p class="pager__label">Previous article</p>'
                     f'<p class="pager__link"><a href="{a.prev[1]}">{esc(a.prev[0])}</a></p></div>')
    if a.next:
        pager.append(f'<div class="pager__next"><p class="pager__label">Next article</p>'
                     f'<p class="pager__link"><a href="{a.next[1]}">{esc(a.next[0])}</a></p></div>')
    related = "\n".join(
        f'<li class="related__item"><a class="related__title" href="{h}">{esc(t)}</a>'
        f'<p class="related__dek">{esc(s)}</p></li>'
        for t, h, s in a.related
    )
    updated = (f' <span class="dateline__sep">·</span> Updated {words_date(x["updated"])}'
               if x["updated"] else "")
    published = words_date(x.get("shown_published", x["published"]))
    author_url = f"{BASE}authors/{x['author'].lower().replace(' ', '-')}"
    ld_item = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": ftext(a.title),
               "image": {"@type": "ImageObject", "url": image_url(a), "width": 1200, "height": 675},
               "author": {"@type": "Person", "name": x["author"], "url": author_url},
               "publisher": {"@type": "Organization", "name": "Healthwire",
                             "logo": {"@type": "ImageObject", "url": f"{BASE}assets/img/healthwire-logo.png"}},
               "datePublished": x["published"]}
    if x["updated"]:
        ld_item["dateModified"] = x["updated"]
    ld_item["articleSection"] = x["section"]
    ld = json.dumps(ld_item, ensure_ascii=False).replace("https://schema.org", "http://schema.test")
    nl = "\n"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(a.title)} | Healthwire</title>
<meta name="description" content="{esc(description(a))}">
<meta name="news_keywords" content="{esc(", ".join(x["keywords"]))}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:image" content="{image_url(a)}">
<meta property="og:site_name" content="Healthwire">
<link rel="canonical" href="{BASE.rstrip('/')}{a.path}">
<script type="application/ld+json">{ld}</script>
<link rel="stylesheet" href="/assets/css/main.3b9e.css">
</head>
<body class="template-article">
<div id="cookie-banner" class="cookie-banner" role="dialog"><p>We use cookies to personalise content and ads and to analyse our traffic. <a href="/privacy#cookies">Learn more</a></p><button class="btn">Accept all</button><button class="btn btn--ghost">Manage preferences</button></div>
<header class="masthead"><a class="masthead__logo" href="/">Healthwire</a>
<nav class="masthead__nav"><a href="/health/heart/">Heart</a><a href="/health/brain/">Brain</a><a href="/health/infections/">Infections</a><a href="/health/aging/">Aging</a><a href="/health/nutrition/">Nutrition</a><a href="/newsletters/">Newsletters</a></nav></header>
<div class="ad-slot ad-slot--leaderboard"><span class="ad-label">Advertisement</span><div style="min-height:90px"></div></div>
<main class="layout">
<article class="story">
<header class="story__header">
<a class="story__kicker" href="/health/">{x['section']}</a>
<h1 class="story__headline">{esc(a.title)}</h1>
<p class="byline">By <a href="/authors/{x['author'].lower().replace(' ', '-')}">{x['author']}</a></p>
<p class="reviewer">Medically reviewed by {x['reviewer']}</p>
<p class="dateline">Published {published}{updated}</p>
<div class="share-tools"><a href="/share/facebook">Facebook</a><a href="/share/x">X</a><a href="/share/email">Email</a><a href="#" class="print">Print</a></div>
</header>
<figure class="story__lead-image"><img src="/images/{a.file[:-5]}.jpg" alt=""><figcaption>Photo: Healthwire illustration / Stock</figcaption></figure>
<div class="story__body">
{nl.join(body)}
</div>
<p class="story__disclaimer">This article is for informational purposes only and is not a substitute for professional medical advice, diagnosis or treatment.</p>
<nav class="pager">
{nl.join(pager)}
</nav>
</article>
<section class="related">
<h2 class="related__heading">Related articles</h2>
<ul class="related__list">
{related}
</ul>
</section>
<aside class="rail">
<div class="ad-slot ad-slot--rail"><span class="ad-label">Advertisement</span></div>
<div class="trending"><h3>Trending</h3><ol><li><a href="/health/nutrition/ultra-processed-foods-20240301">What counts as an ultra-processed food?</a></li><li><a href="/health/brain/sleep-and-memory-20240227">Deep sleep and memory: the new research</a></li><li><a href="/health/heart/statins-side-effects-20240220">Statins and muscle aches: what to know</a></li></ol></div>
</aside>
</main>
<footer class="site-footer"><p>Follow us: <a href="/social/facebook">Facebook</a> <a href="/social/instagram">Instagram</a></p><p><a href="/about">About</a> · <a href="/contact">Contact</a> · <a href="/privacy">Privacy Policy</a> · <a href="/terms">Terms</a></p><p>© 2024 Healthwire Media Inc. All rights reserved.</p></footer>
</body>
</html>
"""


def main() -> None:
    for a in ARTICLES:
        a.meta = meta_of(a)
    pages = {a.file: (render(a), expected_article(a, BASE, "utf-8", "en")) for a in ARTICLES}
    write_template(HERE, pages)


if __name__ == "__main__":
    main()
