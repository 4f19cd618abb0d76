"""en_wordpress: an English WordPress health blog (theme markup, Jetpack-style widgets).

    python tests/corpus/en_wordpress/build.py

`Step N:` in <h2> or `N)` in <h3>, texturized entities (&#8217; &#8220; &hellip;), a
"Warning:" box and an <ol> of steps inside the article, <h4> sub-headings and a table,
post navigation `<a><span class="meta-nav">Previous Post</span> Title</a>` under a
screen-reader <h2>, "Related Posts" (Jetpack) or "You may also like" grid, "Share this:"
and "Like this:" widgets, tags, author box, comments with their own <h2>, sidebar widgets;
one page with unnumbered <h2> sections and no related block. Metadata as Yoast SEO writes
it: meta description, og:description, og:image, article:published_time/modified_time
with the site's Pacific offset (one crosses midnight UTC), article:author as a profile URL
(not a name), a JSON-LD @graph whose Article names its author and image by @id and whose
BreadcrumbList is Home > category > post; rel="tag" links; a "Sources" <ol> under an
<h2> like the sections' on the unnumbered page.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from handlib import Article, esc, expected_article, words_date, write_template  # noqa: E402

BASE = "http://wellnessnotes.test/"

ENTITIES = {"\u2019": "&#8217;", "\u2018": "&#8216;", "\u201c": "&#8220;", "\u201d": "&#8221;",
            "\u2013": "&#8211;", "\u2014": "&#8212;", "\u2026": "&hellip;"}


def tx(text: str) -> str:
    """WordPress's wptexturize output: typographic characters as numeric entities."""
    for char, entity in ENTITIES.items():
        text = text.replace(char, entity)
    return text


BOILER = ["Share this:", "Like this:", "Loading...", "Posted on", "Leave a Reply",
          "Previous Post", "Next Post", "Post navigation", "Tags:", "Recent Posts",
          "Archives", "Proudly powered by WordPress", "Skip to content", "About Megan Hart",
          "thoughts on", "Reply", "Megan is a registered nurse", "Categories", "Search for:",
          "Click to share", "Related Posts", "You may also like",
          "not a substitute for professional medical advice", "Wellness Notes"]

COMMENTS = [
    ("Linda R.", "March 3, 2024 at 7:12 am",
     "Turning the clock around was the single best thing I did this year. I used to lie there doing sums at 3 a.m."),
    ("Tom", "March 4, 2024 at 10:40 pm",
     "Does the breathing trick work if you have a blocked nose? Asking for my husband, who snores like a train."),
]

ARTICLES = [
    Article(
        file="fall-back-asleep-3am.html",
        path="/2024/03/02/fall-back-asleep-3am/",
        title="How to Fall Back Asleep When You Wake Up at 3 a.m.",
        extra={"style": "step", "published": "2024-03-02T21:15:00-08:00",
               "modified": "2024-03-04T08:05:00-08:00", "cat": "Sleep", "related": "jetpack",
               "tags": ["insomnia", "sleep hygiene", "stress"], "comments": COMMENTS,
               "desc": "Woke up at 3 a.m. and can’t get back to sleep? Five steps from CBT-I, the approach sleep specialists recommend, to help you drift off again."},
        intro=[
            "You went to bed at a reasonable hour, drifted off without trouble, and now the clock says 3:07. Your mind is already listing tomorrow’s meetings, and the harder you try to sleep, the more awake you feel. If this sounds familiar, you are in good company: waking once or twice in the night is normal, and most people simply don’t remember it.",
            "What matters is what happens next. The steps below come from cognitive behavioural therapy for insomnia (CBT-I), the approach sleep specialists recommend before medication, and they work best when you use them every night rather than only on the worst ones.",
        ],
        sections=[
            ("Don’t check the time", [
                "Looking at the clock starts a mental calculation (“if I fall asleep right now I’ll still get four hours”) that raises your heart rate and pushes sleep further away. Turn the clock to face the wall and keep your phone out of reach. The bright screen is a second problem: even a minute of light can tell your brain that morning has arrived.",
            ]),
            ("Breathe slowly and let your body go heavy", [
                "Try the 4-7-8 pattern: breathe in through your nose for four counts, hold for seven, and breathe out through your mouth for eight. Repeat it four times. Then work through your body from your toes to your jaw, tensing each group of muscles for five seconds and letting it go. The point is not to force sleep but to give a busy mind something dull and rhythmic to follow.",
            ]),
            ("Get out of bed after about 20 minutes", [
                "If you are still wide awake after what feels like twenty minutes, get up. Go to another room, keep the lights low, and do something quiet and boring. Return to bed only when your eyelids feel heavy. It sounds backwards, but lying awake for hours teaches your brain that bed is a place for worrying, and this step breaks that link.",
                "Good things to do while you are up:",
                ("ul", [
                    "Read a printed book under a dim lamp",
                    "Do a simple puzzle such as a crossword",
                    "Write tomorrow’s to-do list on paper, then close the notebook",
                ]),
            ]),
            ("Park your worries on paper", [
                "Many early-morning wake-ups are fuelled by a problem you could not finish thinking about during the day. Keep a notebook by the bed and write the worry down in a single line, along with the first small step you will take tomorrow. Once it is on paper, your brain no longer has to hold on to it, and it becomes much easier to let go.",
            ]),
            ("Protect your wake-up time", [
                "However badly the night went, get up at your usual time. Sleeping in or napping for a long time the next day reduces your sleep drive and makes the following night harder. Keep any nap under 30 minutes and before 3 p.m. If early waking continues for more than three months, or you snore loudly or wake up gasping, talk to your doctor: insomnia and sleep apnea are both very treatable.",
            ]),
        ],
        prev=("Magnesium for Sleep: What the Evidence Says", "/2024/02/21/magnesium-for-sleep/"),
        next=("5 Gentle Stretches for Lower Back Pain", "http://wellnessnotes.test/2024/03/09/stretches-lower-back-pain/"),
        related=[
            ("Why You Feel Tired Even After Eight Hours of Sleep", "/2024/01/30/tired-after-eight-hours/",
             "Eight hours in bed is not the same as eight hours of good sleep. Here are the most common reasons…"),
            ("Is Melatonin Safe to Take Every Night?", "/2023/12/12/melatonin-every-night/",
             "Melatonin is sold next to vitamins in most pharmacies, but it is a hormone, and the dose…"),
            ("The Best Bedroom Temperature for Sleep", "/2023/11/05/bedroom-temperature-sleep/",
             "Your body temperature has to drop a little for you to fall asleep, which is why a stuffy…"),
        ],
        must_not_contain=[*BOILER, "Turning the clock around was the single best", "Is Melatonin Safe", 'In "Sleep"'],
        must_contain=["Write tomorrow’s to-do list on paper, then close the notebook",
                      "Do a simple puzzle such as a crossword\nWrite tomorrow’s",
                      "insomnia and sleep apnea are both very treatable."],
    ),
    Article(
        file="stretches-lower-back-pain.html",
        path="/2024/03/09/stretches-lower-back-pain/",
        title="5 Gentle Stretches for Lower Back Pain",
        extra={"style": "paren", "published": "2024-03-09T07:00:00-08:00", "modified": None,
               "cat": "Movement", "related": "grid", "tags": ["back pain", "stretching"],
               "comments": [],
               "desc": "Five gentle stretches that ease everyday lower back pain in about ten minutes, and the warning signs that mean you should see a doctor instead."},
        intro=[
            "Most lower back pain is mechanical: it comes from stiff joints, tired muscles and long hours in one position rather than from serious disease. Gentle movement usually helps it settle faster than bed rest. These five stretches take about ten minutes in total and can be done on a yoga mat or a carpeted floor, morning and evening.",
            ("box", "<strong>Warning:</strong> Stop and see a doctor straight away if back pain comes with numbness around the groin or buttocks, new trouble controlling your bladder or bowels, or weakness in one or both legs. These can be signs of nerve compression that needs urgent treatment."),
        ],
        sections=[
            ("Knee-to-chest stretch", [
                "Lie on your back with both knees bent and your feet flat on the floor. Use both hands to draw one knee gently toward your chest, keeping the other foot on the floor and your lower back relaxed into the mat. Hold for 20 to 30 seconds while you breathe slowly, then switch legs. Do each side three times.",
            ]),
            ("Cat–cow", [
                "Come onto your hands and knees, with your hands under your shoulders and your knees under your hips. Then:",
                ("ol", [
                    "Breathe in and let your belly sink toward the floor as you lift your head and tailbone.",
                    "Breathe out and round your back toward the ceiling, tucking your chin toward your chest.",
                    "Move slowly between the two positions for about a minute.",
                ]),
                "Keep the movement small if it hurts; the aim is gentle motion through each part of the spine, not the biggest possible arch.",
            ]),
            ("Child’s pose", [
                "From your hands and knees, sit your hips back toward your heels and stretch your arms forward along the floor. Let your forehead rest on the mat or on a folded towel. You should feel a mild stretch along the back and the sides of the trunk. Stay for 30 seconds to one minute, breathing into the lower ribs. If your knees complain, place a pillow between your thighs and calves.",
            ]),
            ("Pelvic tilt", [
                "Lie on your back with your knees bent. Tighten your stomach muscles so that the small of your back presses flat into the floor and your pelvis tips slightly upward. Hold for five seconds, then relax, and work up to ten repetitions. This one is less a stretch than a way of waking up the deep abdominal muscles that support the spine, and it is safe for most people even during a flare-up.",
            ]),
            ("Piriformis stretch", [
                "Lying on your back, cross your right ankle over your left knee. Reach through the gap, hold the back of your left thigh and pull it gently toward you until you feel a stretch deep in the right buttock. Hold for 30 seconds and switch sides. A tight piriformis muscle can irritate the sciatic nerve, so this stretch often helps pain that travels into the buttock.",
                "If your pain has not improved after six weeks of regular stretching, a physiotherapist can check your technique and build a plan for your back.",
            ]),
        ],
        prev=("How to Fall Back Asleep When You Wake Up at 3 a.m.", "/2024/03/02/fall-back-asleep-3am/"),
        next=("Starting a Walking Habit After 50: A Beginner’s Plan", "/2024/03/16/walking-habit-after-50/"),
        related=[
            ("How to Set Up Your Desk to Protect Your Back", "/2024/02/02/desk-setup-back/",
             "A few changes to the height of your chair and screen can take a surprising amount of strain…"),
            ("Heat or Ice for Back Pain?", "/2023/10/18/heat-or-ice-back-pain/",
             "Both can help, but they do different jobs. As a rule, ice calms a fresh injury while heat…"),
            ("Sciatica: When to Worry", "/2023/09/07/sciatica-when-to-worry/",
             "Pain that shoots from the lower back down one leg is usually caused by an irritated…"),
            ("Core Exercises for Beginners", "/2023/08/22/core-exercises-beginners/",
             "You don’t need a six-pack to have a strong core. These moves build the deep muscles…"),
        ],
        must_not_contain=[*BOILER, "Heat or Ice for Back Pain", "Core Exercises for Beginners"],
        must_contain=["Warning: Stop and see a doctor straight away",
                      "Breathe out and round your back toward the ceiling, tucking your chin toward your chest.",
                      "a physiotherapist can check your technique"],
    ),
    Article(
        file="walking-habit-after-50.html",
        path="/2024/03/16/walking-habit-after-50/",
        title="Starting a Walking Habit After 50: A Beginner’s Plan",
        extra={"style": "step", "published": "2024-03-16T07:00:00-07:00",
               "modified": "2024-03-20T12:40:00-07:00", "cat": "Movement", "related": "jetpack",
               "tags": ["walking", "healthy ageing"], "comments": [],
               "desc": "A week-by-week plan for starting a walking habit after 50: what to check first, which shoes to buy and how to reach 150 minutes a week."},
        intro=[
            "Walking is the most underrated exercise there is. It needs no gym, no special skill and very little money, yet regular brisk walking lowers blood pressure, helps control blood sugar, strengthens bones and lifts mood. If you are over 50 and have been inactive for a while, the trick is to start smaller than you think you should.",
        ],
        sections=[
            ("Check in with your doctor first", [
                "If you have heart disease, diabetes or joint problems, or you get chest pain or breathlessness when you exert yourself, talk to your doctor before you begin. For most people a gentle walking plan is safe, but your doctor may suggest a sensible pace or warn you about medicines, such as some blood pressure tablets, that change how you feel during exercise.",
            ]),
            ("Get the right shoes", [
                "You do not need expensive gear, but you do need shoes that fit your feet and the distance you plan to cover.",
                ("h4", "What to look for"),
                ("ul", [
                    "A firm heel that does not collapse when you squeeze it",
                    "Enough room at the front to wiggle your toes",
                    "A sole that bends at the ball of the foot, not in the middle",
                ]),
                ("h4", "When to replace them"),
                "Walking shoes lose their cushioning after roughly 500 to 800 kilometres. If the tread is worn smooth, or your knees start aching after walks that used to feel easy, it is time for a new pair.",
            ]),
            ("Build up week by week", [
                "Start with short walks at a pace where you can still talk in full sentences, and add a few minutes each week. A sample plan:",
                ("table", [
                    ["Week", "Minutes per walk", "Walks per week"],
                    ["1–2", "10", "3"],
                    ["3–4", "15", "4"],
                    ["5–6", "20", "5"],
                    ["7–8", "30", "5"],
                ]),
                "By week eight you will have reached the 150 minutes a week that most health guidelines recommend. If a week feels too hard, repeat it before moving on; there is no prize for finishing early.",
            ]),
            ("Make it a habit", [
                "Habits stick when they are attached to something you already do. Walk straight after breakfast, or get off the bus one stop early. Walking with a friend or a dog makes you far more likely to go out on rainy days, and a simple step counter lets you see progress that the mirror does not show yet.",
            ]),
        ],
        prev=("5 Gentle Stretches for Lower Back Pain", "/2024/03/09/stretches-lower-back-pain/"),
        next=None,
        related=[
            ("How Many Steps a Day Do You Really Need?", "/2024/01/11/steps-a-day/",
             "Ten thousand steps is a round number from an old marketing campaign, not a medical…"),
            ("Keeping Your Knees Healthy as You Age", "/2023/12/01/knees-healthy-age/",
             "Knee pain is not an inevitable part of getting older. Strong thigh muscles take…"),
        ],
        must_not_contain=[*BOILER, "How Many Steps a Day", 'In "Movement"'],
        must_contain=["What to look for", "When to replace them", "5–6 | 20 | 5",
                      "Week | Minutes per walk | Walks per week",
                      "A firm heel that does not collapse when you squeeze it"],
    ),
    Article(
        file="iron-deficiency-signs.html",
        path="/2024/03/23/iron-deficiency-signs/",
        title="Iron Deficiency: Signs You Shouldn’t Ignore",
        numbered=False,
        extra={"style": "none", "published": "2024-03-23T07:00:00-07:00", "modified": None,
               "cat": "Nutrition", "related": None, "tags": ["anaemia", "iron", "nutrition"],
               "desc": "The signs of iron deficiency are easy to put down to a busy life. What iron does, who is most at risk and how to get more of it from food.",
               "sources": [
                   'World Health Organization. <a href="http://www.who-health.test/fact-sheets/anaemia">Anaemia</a>. Fact sheet, 2023.',
                   "Pasricha SR, Tye-Din J, Muckenthaler MU, Swinkels DW. Iron deficiency. <em>Lancet</em>. 2021;397(10270):233-248.",
                   '<a href="http://ods.nutrition.test/factsheets/Iron-HealthProfessional/">Iron: Fact Sheet for Health Professionals</a>, Office of Dietary Supplements, 2023.',
               ],
               "comments": [("Priya", "March 24, 2024 at 9:05 am",
                             "I had almost every one of these for a year before anyone tested my ferritin. Thank you for writing this.")]},
        intro=[
            "Iron deficiency is the most common nutritional deficiency in the world, and it often develops so slowly that people put the symptoms down to a busy life. Left untreated, it can progress to iron deficiency anaemia, in which the body cannot make enough healthy red blood cells to carry oxygen around the body.",
        ],
        sections=[
            ("What iron does in the body", [
                "Most of the iron in your body sits in haemoglobin, the protein in red blood cells that picks up oxygen in the lungs and delivers it to every tissue. Smaller amounts are stored in the liver, spleen and bone marrow as ferritin. When intake falls short, the body uses up these stores first, which is why a blood test for ferritin can reveal a problem months before anaemia appears.",
            ]),
            ("Common signs", [
                "The symptoms are easy to miss because they build up gradually:",
                ("ul", [
                    "Tiredness and lack of energy that rest does not fix",
                    "Shortness of breath on stairs or during light exercise",
                    "Pale skin, especially inside the lower eyelids",
                    "Headaches, dizziness, and cold hands and feet",
                    "Brittle nails or unusual hair shedding",
                    "Cravings to chew ice or other non-food items",
                ]),
                "None of these proves that you are low in iron, but several together are a good reason to ask your doctor for a blood test.",
            ]),
            ("Who is most at risk", [
                "Women with heavy periods and pregnant women are at highest risk, because blood loss and the needs of the baby raise daily requirements. Toddlers who drink a lot of cow’s milk, vegetarians and vegans, regular blood donors and people with coeliac disease or inflammatory bowel disease are also more likely to run low. In men and in women after menopause, iron deficiency can be a sign of hidden bleeding in the gut and should always be investigated.",
            ]),
            ("Getting more iron from food", [
                "Red meat, poultry and fish contain haem iron, which the body absorbs well. Beans, lentils, tofu, fortified cereals and dark leafy greens provide non-haem iron, which is absorbed better when eaten with vitamin C, such as a glass of orange juice or a handful of peppers. Tea and coffee reduce absorption, so drink them between meals rather than with them. Don’t take iron supplements without a diagnosis: too much iron is harmful.",
            ]),
        ],
        prev=None,
        next=("Vitamin D in Winter: Do You Need a Supplement?", "/2024/03/30/vitamin-d-winter/"),
        related=[],
        must_not_contain=[*BOILER, "I had almost every one of these", "Priya", "Sources",
                          "Fact sheet, 2023", "Pasricha", "Office of Dietary Supplements"],
        must_contain=["Cravings to chew ice or other non-food items",
                      "Don’t take iron supplements without a diagnosis: too much iron is harmful."],
    ),
]


def heading_html(a: Article, i: int, heading: str) -> str:
    style = a.extra["style"]
    if style == "step":
        return f'<h2 class="wp-block-heading">Step {i + 1}: {tx(heading)}</h2>'
    if style == "paren":
        return f'<h3 class="wp-block-heading">{i + 1}) {tx(heading)}</h3>'
    return f'<h2 class="wp-block-heading" id="h-{i}">{tx(heading)}</h2>'


def render_block(block) -> str:
    if isinstance(block, str):
        return f"<p>{tx(block)}</p>"
    kind, body = block
    if kind in ("ul", "ol"):
        return f'<{kind} class="wp-block-list">' + "".join(f"<li>{tx(i)}</li>" for i in body) + f"</{kind}>"
    if kind == "table":
        head = "".join(f"<th>{tx(c)}</th>" for c in body[0])
        rows = "".join("<tr>" + "".join(f"<td>{tx(c)}</td>" for c in r) + "</tr>" for r in body[1:])
        return (f'<figure class="wp-block-table"><table><thead><tr>{head}</tr></thead>'
                f"<tbody>{rows}</tbody></table></figure>")
    if kind == "h4":
        return f'<h4 class="wp-block-heading">{tx(body)}</h4>'
    if kind == "box":
        return (f'<div class="wp-block-group has-pale-pink-background-color has-background">'
                f'<div class="wp-block-group__inner-container"><p>{tx(body)}</p></div></div>')
    raise ValueError(kind)


def related_html(a: Article) -> str:
    kind = a.extra["related"]
    if not kind:
        return ""
    if kind == "jetpack":
        posts = "\n".join(
            f'<div class="jp-relatedposts-post jp-relatedposts-post{n}" data-post-format="false">'
            f'<h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="{h}" '
            f'title="{esc(t)}" rel="nofollow">{tx(esc(t))}</a></h4>'
            f'<p class="jp-relatedposts-post-excerpt">{tx(esc(s))}</p>'
            f'<p class="jp-relatedposts-post-context">In &quot;{a.extra["cat"]}&quot;</p></div>'
            for n, (t, h, s) in enumerate(a.related)
        )
        return (f'<div id="jp-relatedposts" class="jp-relatedposts">'
                f'<h3 class="jp-relatedposts-headline"><em>Related Posts</em></h3>\n'
                f'<div class="jp-relatedposts-items jp-relatedposts-items-visual">\n{posts}\n</div></div>')
    cards = "\n".join(
        f'<article class="rp-card"><a href="{h}" class="rp-thumb"><img src="/wp-content/uploads/2024/0{n + 1}/thumb-{n}.jpg" alt=""></a>'
        f'<h4 class="rp-title"><a href="{h}">{tx(esc(t))}</a></h4><p class="rp-excerpt">{tx(esc(s))}</p></article>'
        for n, (t, h, s) in enumerate(a.related)
    )
    return (f'<section class="related-posts"><h3 class="related-title">You may also like</h3>'
            f'<div class="rp-grid">\n{cards}\n</div></section>')


def nav_html(a: Article) -> str:
    parts = []
    if a.prev:
        parts.append(f'<div class="nav-previous"><a href="{a.prev[1]}" rel="prev">'
                     f'<span class="meta-nav" aria-hidden="true">Previous Post</span> '
                     f'<span class="screen-reader-text">Previous post:</span> {tx(esc(a.prev[0]))}</a></div>')
    if a.next:
        parts.append(f'<div class="nav-next"><a href="{a.next[1]}" rel="next">'
                     f'<span class="meta-nav" aria-hidden="true">Next Post</span> '
                     f'<span class="screen-reader-text">Next post:</span> {tx(esc(a.next[0]))}</a></div>')
    return ('<nav class="navigation post-navigation" aria-label="Posts">'
            '<h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">'
            + "".join(parts) + "</div></nav>")


def comments_html(a: Article) -> str:
    comments = a.extra["comments"]
    out = ['<div id="comments" class="comments-area">']
    if comments:
        n = len(comments)
        out.append(f'<h2 class="comments-title">{n} thought{"s" if n > 1 else ""} on &#8220;{tx(esc(a.title))}&#8221;</h2>')
        out.append('<ol class="comment-list">')
        for k, (who, when, said) in enumerate(comments):
            out.append(
                f'<li id="comment-{k + 311}" class="comment"><article class="comment-body">'
                f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{esc(who)}</b> <span class="says">says:</span></div>'
                f'<div class="comment-metadata"><a href="#comment-{k + 311}"><time>{when}</time></a></div></footer>'
                f'<div class="comment-content"><p>{esc(said)}</p></div>'
                f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">Reply</a></div></article></li>'
            )
        out.append("</ol>")
    out.append('<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>'
               '<form action="/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p>'
               '<p><label for="comment">Comment *</label><textarea id="comment" name="comment"></textarea></p>'
               '<p><label for="author">Name *</label><input id="author" name="author"></p>'
               '<p class="form-submit"><input type="submit" value="Post Comment"></p></form></div></div>')
    return "\n".join(out)


SCHEMA = "http://schema.test"  # schema.org, on the corpus's .test-only hosts
PERSON_ID = f"{BASE}#/schema/person/5f2c1d0e7a"
FACEBOOK = "http://www.facebook.test/"


def page_url(a: Article) -> str:
    return BASE.rstrip("/") + a.path


def image_url(a: Article) -> str:
    return f"{BASE}wp-content/uploads/2024/03/{a.file[:-5]}-1200x675.jpg"


def meta_of(a: Article) -> dict:
    """What the page states (Yoast SEO's metas and @graph, the theme's tag links)."""
    x = a.extra
    return {
        "published": x["published"],  # article:published_time, the site's Pacific offset
        # dateModified: Yoast states it on every post (the publication time when never edited)
        "modified": x["modified"] or x["published"],
        "authors": ["Megan Hart"],  # the @graph's Person (article:author is a profile URL)
        "tags": x["tags"],
        "categories": [x["cat"]],  # the BreadcrumbList: Home > category > the post
        "description": x["desc"],
        "image": image_url(a),
        "references": x.get("sources", []),
    }


def yoast_graph(a: Article) -> str:
    """The JSON-LD Yoast SEO writes: items of one @graph, joined by @id."""
    x, url, img = a.extra, page_url(a), image_url(a)
    dates = {"datePublished": x["published"], "dateModified": x["modified"] or x["published"]}
    graph = [
        {"@type": "Article", "@id": f"{url}#article", "isPartOf": {"@id": url},
         "author": {"@id": PERSON_ID}, "headline": html.unescape(re.sub("<[^>]+>", "", a.title)),
         **dates, "mainEntityOfPage": {"@id": url}, "publisher": {"@id": f"{BASE}#organization"},
         "image": {"@id": f"{url}#primaryimage"}, "thumbnailUrl": img, "keywords": x["tags"],
         "articleSection": [x["cat"]], "inLanguage": "en-US"},
        {"@type": "WebPage", "@id": url, "url": url, "name": f"{a.title} – Wellness Notes",
         "isPartOf": {"@id": f"{BASE}#website"}, "primaryImageOfPage": {"@id": f"{url}#primaryimage"},
         "image": {"@id": f"{url}#primaryimage"}, "thumbnailUrl": img, **dates,
         "description": x["desc"], "breadcrumb": {"@id": f"{url}#breadcrumb"}, "inLanguage": "en-US"},
        {"@type": "ImageObject", "inLanguage": "en-US", "@id": f"{url}#primaryimage", "url": img,
         "contentUrl": img, "width": 1200, "height": 675},
        {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": BASE},
            {"@type": "ListItem", "position": 2, "name": x["cat"],
             "item": f"{BASE}category/{x['cat'].lower()}/"},
            {"@type": "ListItem", "position": 3, "name": a.title}]},
        {"@type": "WebSite", "@id": f"{BASE}#website", "url": BASE, "name": "Wellness Notes",
         "description": "Small habits, better health", "publisher": {"@id": f"{BASE}#organization"},
         "inLanguage": "en-US"},
        {"@type": "Organization", "@id": f"{BASE}#organization", "name": "Wellness Notes", "url": BASE,
         "logo": {"@type": "ImageObject", "@id": f"{BASE}#/schema/logo/image/",
                  "url": f"{BASE}wp-content/uploads/2023/01/wellness-notes-logo.png", "width": 512,
                  "height": 512}, "sameAs": [f"{FACEBOOK}wellnessnotes"]},
        {"@type": "Person", "@id": PERSON_ID, "name": "Megan Hart", "url": f"{BASE}author/megan/",
         "sameAs": [f"{FACEBOOK}meganhartrn"]},
    ]
    return json.dumps({"@context": SCHEMA, "@graph": graph}, ensure_ascii=False).replace("</", "<\\/")


def yoast_metas(a: Article) -> str:
    x = a.extra
    lines = [
        f'<meta name="description" content="{esc(x["desc"])}">',
        '<meta property="og:locale" content="en_US">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{esc(a.title)}">',
        f'<meta property="og:description" content="{esc(x["desc"])}">',
        f'<meta property="og:url" content="{page_url(a)}">',
        '<meta property="og:site_name" content="Wellness Notes">',
        f'<meta property="article:publisher" content="{FACEBOOK}wellnessnotes">',
        f'<meta property="article:author" content="{FACEBOOK}meganhartrn">',
        f'<meta property="article:published_time" content="{x["published"]}">',
    ]
    if x["modified"]:
        lines.append(f'<meta property="article:modified_time" content="{x["modified"]}">')
    lines += [
        f'<meta property="og:image" content="{image_url(a)}">',
        '<meta property="og:image:width" content="1200">',
        '<meta property="og:image:height" content="675">',
        '<meta property="og:image:type" content="image/jpeg">',
        '<meta name="author" content="Megan Hart">',
        '<meta name="twitter:card" content="summary_large_image">',
    ]
    return "\n".join(lines)


def render(a: Article) -> str:
    body = [render_block(b) for b in a.intro]
    for i, (heading, blocks) in enumerate(a.sections):
        body.append(heading_html(a, i, heading))
        body.extend(render_block(b) for b in blocks)
    if a.extra.get("sources"):
        items = "".join(f"<li>{tx(entry)}</li>" for entry in a.extra["sources"])
        body.append('<h2 class="wp-block-heading" id="h-sources">Sources</h2>')
        body.append(f'<ol class="wp-block-list">{items}</ol>')
    tags = ", ".join(f'<a href="/tag/{t.replace(" ", "-")}/" rel="tag">{t}</a>' for t in a.extra["tags"])
    nl = "\n"
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{tx(esc(a.title))} &#8211; Wellness Notes</title>
<meta name="robots" content="max-image-preview:large">
<link rel="alternate" type="application/rss+xml" title="Wellness Notes &raquo; Feed" href="http://wellnessnotes.test/feed/">
<link rel="stylesheet" id="twentytwentyone-style-css" href="http://wellnessnotes.test/wp-content/themes/twentytwentyone/style.css?ver=2.1" media="all">
<link rel="canonical" href="{BASE.rstrip('/')}{a.path}">
<!-- This site is optimized with the Yoast SEO plugin v21.9.1 -->
{yoast_metas(a)}
<script type="application/ld+json" class="yoast-schema-graph">{yoast_graph(a)}</script>
<!-- / Yoast SEO plugin. -->
<meta name="generator" content="WordPress 6.4.3">
</head>
<body class="post-template-default single single-post postid-{sum(map(ord, a.path)) % 9000 + 1000} single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/" rel="home">Wellness Notes</a></p><p class="site-description">Small habits, better health</p></div>
<nav id="site-navigation" class="primary-navigation"><ul id="primary-menu-list" class="menu-wrapper"><li><a href="/">Home</a></li><li><a href="/category/sleep/">Sleep</a></li><li><a href="/category/movement/">Movement</a></li><li><a href="/category/nutrition/">Nutrition</a></li><li><a href="/about/">About</a></li></ul></nav>
</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry category-{a.extra['cat'].lower()} entry">
<header class="entry-header alignwide"><h1 class="entry-title">{tx(esc(a.title))}</h1></header>
<div class="entry-meta">Posted on <a href="{a.path}" rel="bookmark"><time class="entry-date published">{words_date(a.extra['published'])}</time></a> by <span class="author vcard"><a class="url fn n" href="/author/megan/">Megan Hart</a></span> in <a href="/category/{a.extra['cat'].lower()}/">{a.extra['cat']}</a></div>
<div class="entry-content">
{nl.join(body)}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li class="share-twitter"><a class="share-twitter sd-button" href="{a.path}?share=twitter" title="Click to share on Twitter"><span>Twitter</span></a></li><li class="share-facebook"><a class="share-facebook sd-button" href="{a.path}?share=facebook" title="Click to share on Facebook"><span>Facebook</span></a></li><li class="share-pinterest"><a href="{a.path}?share=pinterest"><span>Pinterest</span></a></li><li class="share-email"><a href="{a.path}?share=email"><span>Email</span></a></li></ul></div></div></div>
<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder post-likes-widget-placeholder"><span class="button"><span>Like</span></span> <span class="loading">Loading...</span></div></div>
{related_html(a)}
</div>
<footer class="entry-footer default-max-width"><span class="tags-links">Tags: {tags}</span></footer>
<div class="author-bio show-avatars"><img alt="" src="/wp-content/uploads/avatar-megan.jpg" class="avatar" height="85" width="85"><div class="author-bio-content"><h2 class="author-title">About Megan Hart</h2><p class="author-description">Megan is a registered nurse with fifteen years on hospital wards and in community clinics. She writes about the everyday habits that keep people out of hospital.</p><a class="author-link" href="/author/megan/" rel="author">View all of Megan Hart&#8217;s posts.</a></div></div>
</article>
{nav_html(a)}
{comments_html(a)}
</main></div>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="/"><label for="s">Search for:</label><input type="search" id="s" name="s"><input type="submit" value="Search"></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/2024/03/30/vitamin-d-winter/">Vitamin D in Winter: Do You Need a Supplement?</a></li><li><a href="/2024/03/23/iron-deficiency-signs/">Iron Deficiency: Signs You Shouldn&#8217;t Ignore</a></li><li><a href="/2024/03/16/walking-habit-after-50/">Starting a Walking Habit After 50: A Beginner&#8217;s Plan</a></li></ul></section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul><li><a href="/category/movement/">Movement</a> (24)</li><li><a href="/category/nutrition/">Nutrition</a> (31)</li><li><a href="/category/sleep/">Sleep</a> (18)</li></ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="/2024/03/">March 2024</a></li><li><a href="/2024/02/">February 2024</a></li></ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info"><div class="site-name">Wellness Notes</div><div class="powered-by">Proudly powered by <a href="/wordpress/">WordPress</a>.</div><p>The information on this blog is for general education only and is not a substitute for professional medical advice.</p></div></footer>
</div>
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
