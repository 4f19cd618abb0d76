"""en_plain_numbered: a minimal old-school English health site, the closest to the seed page.

    python tests/corpus/en_plain_numbered/build.py

Two layouts of one site: older pages in a <td> layout whose paragraphs are separated only
by <br><br>, newer pages as flat <div>s, one per paragraph. Headings are plain text lines
"1. Heading" with no tag at all; the title line is repeated as the first line of the body
(as in the seed); "Editor: ..." line; `<<:` / `>>:` prev/next; a "Recommend" block of
titles each followed by a snippet cut with "..."; "Current location" breadcrumb,
"Popular articles" sidebar, copyright and disclaimer footer. Negative case: a dosage table.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from handlib import Article, esc, expected_article, write_template  # noqa: E402

BASE = "http://www.healthtips-plain.test/"

POPULAR = [
    ("Can you drink coffee on an empty stomach", "/html/2019/0520/1402.html"),
    ("Why does my eyelid keep twitching", "/html/2019/0514/1377.html"),
    ("Is it normal to sweat at night", "/html/2019/0502/1320.html"),
    ("What to eat after food poisoning", "/html/2019/0427/1298.html"),
]

BOILER = ["Current location", "Editor:", "Source:", "Views:", "<<:", ">>:", "Recommend",
          "Popular articles", "Copyright", "All rights reserved", "Disclaimer",
          "Can you drink coffee on an empty stomach", "Health Tips"]


def cut(text: str, n: int = 50) -> str:
    """Snippets as the site shows them: the first n characters and '...'."""
    return text[:n] + "..."


ARTICLES = [
    Article(
        file="1530.html",
        path="/html/2019/0611/1530.html",
        title="Why do my hands go numb at night",
        extra={"layout": "td", "date": "2019-06-11", "views": 1532, "editor": "Sam Lee",
               "col": ("Nerves and brain", "/html/nerves/")},
        intro=[
            "Waking up with numb, tingling hands is something many people experience from time to time. Usually the feeling disappears within a few minutes of shaking the hands or changing position, and there is nothing to worry about. But if it happens every night, or the numbness lasts into the day, it may point to a problem with the nerves or the circulation. So what makes hands go numb at night?",
        ],
        sections=[
            ("Sleeping position", [
                "The most common cause is simply the way you sleep. Lying on your arm, tucking your hands under the pillow or bending your wrists for hours puts pressure on the nerves and reduces blood flow. When the pressure is removed, the nerves wake up again, which produces the pins-and-needles feeling many people know. Sleeping on your back with your arms by your sides usually solves the problem.",
            ]),
            ("Carpal tunnel syndrome", [
                "Carpal tunnel syndrome happens when the median nerve is squeezed as it passes through a narrow channel in the wrist. It typically causes numbness in the thumb, index finger and middle finger, and it is often worse at night because people bend their wrists while they sleep. Typing, using vibrating tools and pregnancy all increase the risk.",
                "A simple wrist splint worn at night keeps the wrist straight and relieves the symptoms for many patients. If the numbness does not improve after a few weeks, a doctor may suggest a steroid injection or a small operation to release the nerve.",
            ]),
            ("Problems in the neck", [
                "The nerves that supply the arms and hands leave the spinal cord in the neck. Wear and tear of the cervical spine, or a bulging disc, can press on these nerve roots and cause numbness that runs down the arm into the fingers. This kind of numbness often comes with neck stiffness, and it may get worse when you look up or turn your head.",
            ]),
            ("Vitamin B12 deficiency and diabetes", [
                "Long-term high blood sugar damages small nerves, a condition known as diabetic neuropathy, which usually starts in the feet but can also affect the hands. A lack of vitamin B12, common in older people, vegans and those who have taken metformin for years, causes similar damage. Both can be found with a simple blood test, so numbness in both hands that does not go away should be checked by a doctor.",
            ]),
        ],
        prev=("How to get rid of a stiff neck in the morning", "/html/2019/0608/1516.html"),
        next=("What causes frequent hiccups", "/html/2019/0612/1544.html"),
        related=[
            ("Why does my left arm hurt", "/html/2019/0530/1451.html",
             cut("Arm pain can come from the muscles, joints or nerves, and occasionally from the heart.")),
            ("What is restless legs syndrome", "/html/2019/0526/1430.html",
             cut("Restless legs syndrome causes an overwhelming urge to move the legs in the evening.")),
            ("How to sleep well with a bad back", "/html/2019/0522/1411.html",
             cut("Lying on your side with a pillow between the knees keeps the spine in line.")),
            ("Is it bad to crack your knuckles", "/html/2019/0518/1396.html",
             cut("The popping sound comes from gas bubbles in the fluid that lubricates the joints.")),
            ("Why are my fingers cold all the time", "/html/2019/0515/1380.html",
             cut("Cold fingers are usually harmless, but they can be a sign of Raynaud's phenomenon.")),
            ("What causes muscle twitching", "/html/2019/0509/1351.html",
             cut("Most muscle twitches are caused by tiredness, stress or too much caffeine.")),
            ("How much vitamin B12 do you need", "/html/2019/0503/1326.html",
             cut("Adults need a small amount of vitamin B12 every day to keep nerves and blood healthy.")),
            ("Can anxiety cause tingling", "/html/2019/0428/1301.html",
             cut("When you are anxious you may breathe faster than you need to, and this lowers the carbon dioxide.")),
        ],
        must_not_contain=[*BOILER, "Why does my left arm hurt", "Arm pain can come from", "Sam Lee"],
        must_contain=["A simple wrist splint worn at night keeps the wrist straight",
                      "should be checked by a doctor."],
    ),
    Article(
        file="1544.html",
        path="/html/2019/0612/1544.html",
        title="What causes frequent hiccups",
        extra={"layout": "td", "date": "2019-06-12", "views": 987, "editor": "Sam Lee",
               "col": ("Digestion", "/html/digestion/")},
        intro=[
            "Hiccups are sudden, involuntary contractions of the diaphragm, the muscle that separates the chest from the abdomen. Each contraction is followed by a sudden closure of the vocal cords, which produces the familiar “hic” sound. Most bouts of hiccups stop on their own within a few minutes. So why do some people get them so often?",
        ],
        sections=[
            ("Eating too fast or too much", [
                "Swallowing food quickly, eating a large meal or drinking fizzy drinks can stretch the stomach, which sits just below the diaphragm. The stretching irritates the diaphragm and the nerves around it and sets off a bout of hiccups. Eating slowly, taking smaller bites and avoiding carbonated drinks are usually enough to prevent this kind of hiccups.",
            ]),
            ("Sudden changes in temperature or mood", [
                "Drinking a very hot drink followed by a cold one, or breathing in cold air, can trigger hiccups. Strong emotions such as excitement, laughter, stress or fear can do the same thing. These triggers affect the nerves that control breathing, and children are especially sensitive to them. Common home remedies that may help:",
                ("ul", [
                    "Hold your breath for ten seconds, then swallow",
                    "Sip a glass of ice-cold water slowly",
                    "Pull your knees up to your chest and lean forward",
                ]),
            ]),
            ("Illness and medicines", [
                "Hiccups that last more than 48 hours are called persistent hiccups and are rare. They can be caused by irritation of the vagus or phrenic nerves, acid reflux, kidney problems or a stroke, and by some medicines such as steroids and certain sedatives. Anyone whose hiccups last longer than two days, or who has trouble eating, sleeping or breathing because of them, should see a doctor.",
            ]),
        ],
        prev=("Why do my hands go numb at night", "/html/2019/0611/1530.html"),
        next=("How to relieve a tension headache", "/html/2019/0615/1571.html"),
        related=[
            ("Why do I burp so much after eating", "/html/2019/0601/1470.html",
             cut("Burping is the body's way of getting rid of swallowed air from the stomach.")),
            ("What is acid reflux", "/html/2019/0524/1422.html",
             cut("Acid reflux happens when stomach acid flows back up into the food pipe.")),
            ("Is sparkling water bad for you", "/html/2019/0519/1399.html",
             cut("Sparkling water is just water with carbon dioxide, and for most people it is fine.")),
            ("How to stop a baby's hiccups", "/html/2019/0511/1360.html",
             cut("Babies hiccup often, especially after feeds, and it rarely bothers them.")),
            ("Why does my stomach gurgle", "/html/2019/0505/1334.html",
             cut("Gurgling is the sound of gas and fluid moving through the intestines during digestion.")),
            ("What causes a feeling of fullness", "/html/2019/0429/1307.html",
             cut("Feeling full after only a few bites can be caused by slow emptying of the stomach.")),
        ],
        must_not_contain=[*BOILER, "What is acid reflux", "Burping is the body"],
        must_contain=["Sip a glass of ice-cold water slowly\nPull your knees up",
                      "Anyone whose hiccups last longer than two days"],
    ),
    Article(
        file="1571.html",
        path="/html/2019/0615/1571.html",
        title="How to relieve a tension headache",
        extra={"layout": "div", "date": "2019-06-15", "views": 2210, "editor": "Anna Moore",
               "col": ("Nerves and brain", "/html/nerves/")},
        intro=[
            "Tension headaches are the most common type of headache. They feel like a tight band or pressure around the forehead, the temples or the back of the head, and the pain is usually mild to moderate. Unlike migraines, they rarely cause nausea or make you sensitive to light. Most tension headaches can be relieved at home with a few simple measures.",
        ],
        sections=[
            ("Take a break from the screen", [
                "Long hours in front of a computer or phone strain the muscles of the eyes, neck and shoulders. Every 30 to 40 minutes, look away from the screen at something far away for 20 seconds, stand up and roll your shoulders. Check that the top of your monitor is at eye level, so that you are not bending your neck forward all day.",
            ]),
            ("Apply heat or cold", [
                "A warm towel or a heating pad on the neck and shoulders relaxes tight muscles. Some people find that a cold pack on the forehead works better. Try each for 10 to 15 minutes and see which helps you more. A warm shower can also ease the tension that builds up in the neck during a long day.",
            ]),
            ("Massage the tight spots", [
                "Gently massaging the temples, the base of the skull and the muscles between the neck and shoulders can relieve the pain. Use your fingertips to press in small circles for a minute or two on each area. If you have a partner, ask them to massage your shoulders, because those muscles are hard to reach yourself.",
            ]),
            ("Use painkillers correctly", [
                "Over-the-counter painkillers work well for occasional tension headaches. The usual adult doses are:",
                ("table", [
                    ["Medicine", "Usual adult dose", "Maximum in 24 hours"],
                    ["Ibuprofen", "200–400 mg every 6–8 hours", "1,200 mg"],
                    ["Paracetamol (acetaminophen)", "500–1,000 mg every 4–6 hours", "4,000 mg"],
                ]),
                "Do not take painkillers for headaches on more than ten days a month, as this can cause medication-overuse headaches. Read the label, and ask a pharmacist if you take other medicines or have stomach, liver or kidney problems.",
            ]),
            ("When to see a doctor", [
                "See a doctor if your headaches become more frequent or more severe, if they wake you from sleep, or if you need painkillers more than twice a week. Seek urgent help for a sudden, very severe headache, or for a headache with fever, a stiff neck, confusion, weakness or trouble speaking.",
            ]),
        ],
        prev=("What causes frequent hiccups", "/html/2019/0612/1544.html"),
        next=None,
        related=[
            ("Why do I wake up with a headache", "/html/2019/0604/1488.html",
             cut("Morning headaches can be caused by poor sleep, snoring, teeth grinding or dehydration.")),
            ("Can dehydration cause headaches", "/html/2019/0525/1427.html",
             cut("Even mild dehydration can trigger a headache, especially in hot weather.")),
            ("What is a cluster headache", "/html/2019/0516/1385.html",
             cut("Cluster headaches are rare but extremely painful attacks around one eye.")),
            ("Does stress cause neck pain", "/html/2019/0507/1343.html",
             cut("Stress makes many people tense their neck and shoulder muscles without noticing it.")),
            ("How to relax before sleep", "/html/2019/0430/1312.html",
             cut("A short routine of slow breathing and gentle stretching can help the body wind down.")),
        ],
        must_not_contain=[*BOILER, "Why do I wake up with a headache", "Anna Moore"],
        must_contain=["Ibuprofen | 200–400 mg every 6–8 hours | 1,200 mg",
                      "Medicine | Usual adult dose | Maximum in 24 hours",
                      "Do not take painkillers for headaches on more than ten days a month"],
    ),
    Article(
        file="1590.html",
        path="/html/2019/0618/1590.html",
        title="What causes dry eyes",
        extra={"layout": "div", "date": "2019-06-18", "views": 1176, "editor": "Anna Moore",
               "col": ("Eyes", "/html/eyes/")},
        intro=[
            "Dry eye is a common condition in which the eyes do not make enough tears, or the tears evaporate too quickly. People with dry eyes often describe a gritty, burning feeling, as if there were sand in the eye. Strangely, dry eyes can also water a lot, because the irritation triggers a flood of poor-quality tears. Here are the main causes.",
        ],
        sections=[
            ("Age and hormones", [
                "Tear production falls with age, and dry eye is especially common after 50. Women are affected more often than men, particularly during pregnancy and after the menopause, because hormonal changes affect the glands that produce tears. People who wear contact lenses are also more likely to have dry eyes.",
            ]),
            ("Screens and reading", [
                "When we concentrate on a screen, we blink much less often than usual, sometimes only a third as much. Each blink spreads a fresh layer of tears over the eye, so fewer blinks mean drier eyes. Make a habit of blinking fully and resting your eyes regularly during long sessions at the computer.",
            ]),
            ("The environment", [
                "Wind, smoke, air conditioning and central heating all dry out the surface of the eye, and aeroplane cabins are particularly dry. A humidifier at home, wraparound glasses outdoors and turning car air vents away from your face can all make a noticeable difference. Simple ways to ease the symptoms:",
                ("ul", [
                    "Use preservative-free artificial tears several times a day",
                    "Put a warm compress on closed eyelids for five minutes",
                    "Drink enough water and eat oily fish, which may help the tear film",
                ]),
            ]),
            ("Medicines and illnesses", [
                "Some medicines reduce tear production, including antihistamines, some antidepressants, decongestants and blood pressure tablets. Diseases such as rheumatoid arthritis, Sjögren’s syndrome, diabetes and thyroid problems are also linked to dry eyes. If your eyes are red and painful, or your vision changes, see an optician or a doctor promptly.",
            ]),
        ],
        prev=("How to relieve a tension headache", "/html/2019/0615/1571.html"),
        next=("Why do my ears ring", "http://www.healthtips-plain.test/html/2019/0620/1602.html"),
        related=[
            ("Why are my eyes always tired", "/html/2019/0603/1481.html",
             cut("Tired eyes are usually caused by long hours of close work without breaks.")),
            ("What is pink eye", "/html/2019/0527/1435.html",
             cut("Pink eye, or conjunctivitis, is an inflammation of the thin layer covering the eye.")),
            ("Are blue light glasses worth it", "/html/2019/0521/1406.html",
             cut("There is little evidence that blue light from screens damages the eyes.")),
            ("How often should you get an eye test", "/html/2019/0513/1372.html",
             cut("Most adults should have an eye test every two years, or more often if advised.")),
            ("What causes puffy eyes in the morning", "/html/2019/0506/1339.html",
             cut("Fluid collects around the eyes overnight, especially after a salty meal.")),
            ("Can you wear contact lenses every day", "/html/2019/0501/1317.html",
             cut("Daily wear is fine for most people if lenses are cleaned and replaced as directed.")),
        ],
        must_not_contain=[*BOILER, "What is pink eye", "Tired eyes are usually caused"],
        must_contain=["Put a warm compress on closed eyelids for five minutes",
                      "Sjögren’s syndrome"],
    ),
]


def body_td(a: Article) -> str:
    """Old pages: one <td>, paragraphs separated by <br><br>, lists as bare <ul>."""
    chunks = [esc(a.title)]
    chunks += [b for b in a.intro]

    def add(block):
        if isinstance(block, str):
            chunks.append(block)
        elif block[0] == "ul":
            chunks.append("<ul>" + "".join(f"<li>{i}</li>" for i in block[1]) + "</ul>")
        else:
            raise ValueError(block[0])

    for i, (heading, blocks) in enumerate(a.sections):
        chunks.append(f"{i + 1}. {heading}")
        for b in blocks:
            add(b)
    chunks.append(f"Editor: {a.extra['editor']}")
    out = []
    for c in chunks:
        # a <ul> ends the line itself; text chunks are followed by a blank line
        out.append(c if c.startswith("<ul>") else c + "<br>\n<br>\n")
    return "".join(out)


def body_div(a: Article) -> str:
    """Newer pages: one flat <div> per paragraph, no heading tags at all."""
    out = [f'<div class="p">{esc(a.title)}</div>']
    out += [f'<div class="p">{b}</div>' for b in a.intro]
    for i, (heading, blocks) in enumerate(a.sections):
        out.append(f'<div class="p">{i + 1}. {heading}</div>')
        for b in blocks:
            if isinstance(b, str):
                out.append(f'<div class="p">{b}</div>')
            elif b[0] == "ul":
                out.append('<div class="p"><ul>' + "".join(f"<li>{i}</li>" for i in b[1]) + "</ul></div>")
            elif b[0] == "table":
                rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in b[1])
                out.append(f'<div class="p"><table border="1" cellspacing="0" cellpadding="3">{rows}</table></div>')
            else:
                raise ValueError(b[0])
    out.append(f'<div class="p editor">Editor: {a.extra["editor"]}</div>')
    return "\n".join(out)


def render(a: Article) -> str:
    x = a.extra
    col_name, col_href = x["col"]
    popular = "<br>\n".join(f'<a href="{h}">{esc(t)}</a>' for t, h in POPULAR)
    if x["layout"] == "td":
        updown = []
        if a.prev:
            updown.append(f'&lt;&lt;:&nbsp; <a href="{a.prev[1]}">{esc(a.prev[0])}</a>')
        if a.next:
            updown.append(f'&gt;&gt;:&nbsp; <a href="{a.next[1]}">{esc(a.next[0])}</a>')
        rec_rows = "\n".join(
            f'<tr><td class="rt"><a href="{h}" target="_blank">{esc(t)}</a></td></tr>'
            f'<tr><td class="rs">{esc(s)}</td></tr>'
            for t, h, s in a.related
        )
        return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(a.title)} - Health Tips</title>
<meta name="keywords" content="{esc(a.title)}">
<link rel="stylesheet" href="/css/style.css" type="text/css">
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="2" height="60"><a href="/"><img src="/images/logo.gif" width="200" height="50" border="0" alt="Health Tips"></a></td></tr>
<tr><td colspan="2" class="menu"><a href="/">Home</a> | <a href="/html/women/">Women's health</a> | <a href="/html/nerves/">Nerves and brain</a> | <a href="/html/digestion/">Digestion</a> | <a href="/html/eyes/">Eyes</a> | <a href="/html/children/">Children</a></td></tr>
<tr><td colspan="2" class="loc">Current location: <a href="/">Home</a> &gt; <a href="{col_href}">{col_name}</a> &gt; {esc(a.title)}</td></tr>
<tr>
<td width="700" valign="top">
<table width="100%" border="0" cellpadding="6" cellspacing="0">
<tr><td align="center"><h1>{esc(a.title)}</h1></td></tr>
<tr><td align="center" class="info">Time: {x['date']}&nbsp;&nbsp; Source: Health Tips&nbsp;&nbsp; Views: {x['views']}</td></tr>
<tr><td class="content">
{body_td(a)}
</td></tr>
<tr><td class="updown">{'<br>'.join(updown)}</td></tr>
<tr><td class="rec_t"><b>Recommend</b></td></tr>
<tr><td><table width="100%" border="0" cellpadding="2" cellspacing="0">
{rec_rows}
</table></td></tr>
</table>
</td>
<td width="260" valign="top" class="side">
<b>Popular articles</b><br>
{popular}
</td>
</tr>
<tr><td colspan="2" class="foot" align="center">Copyright &copy; 2012-2019 Health Tips. All rights reserved.<br>Disclaimer: the articles on this site are for reference only and do not replace a doctor's advice.</td></tr>
</table>
</body>
</html>
"""
    updown = []
    if a.prev:
        updown.append(f'<div class="up">&lt;&lt;: <a href="{a.prev[1]}">{esc(a.prev[0])}</a></div>')
    if a.next:
        updown.append(f'<div class="down">&gt;&gt;: <a href="{a.next[1]}">{esc(a.next[0])}</a></div>')
    rec = "\n".join(
        f'<div class="r-t"><a href="{h}">{esc(t)}</a></div>\n<div class="r-s">{esc(s)}</div>'
        for t, h, s in a.related
    )
    nl = "\n"
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(a.title)} - Health Tips</title>
<link rel="stylesheet" href="/css/v2.css">
</head>
<body>
<div id="wrap">
<div id="top"><a href="/"><img src="/images/logo2.png" alt="Health Tips"></a></div>
<div id="menu"><a href="/">Home</a> <a href="/html/women/">Women's health</a> <a href="/html/nerves/">Nerves and brain</a> <a href="/html/digestion/">Digestion</a> <a href="/html/eyes/">Eyes</a></div>
<div id="loc">Current location: <a href="/">Home</a> &gt; <a href="{col_href}">{col_name}</a> &gt; Text</div>
<div id="left">
<div class="t">{esc(a.title)}</div>
<div class="i">Time: {x['date']} | Source: Health Tips | Views: {x['views']}</div>
<div class="art">
{body_div(a)}
</div>
<div class="updown">
{nl.join(updown)}
</div>
<div class="recommend">
<div class="rec-h">Recommend</div>
{rec}
</div>
</div>
<div id="right">
<div class="side-h">Popular articles</div>
<div class="side-l">{popular}</div>
</div>
<div id="foot">Copyright &copy; 2012-2019 Health Tips. All rights reserved. | Disclaimer: the articles on this site are for reference only and do not replace a doctor's advice.</div>
</div>
</body>
</html>
"""


def meta_of(a: Article) -> dict:
    """What the page states: the "Time:" dateline (a date alone), the "Current location"
    trail without Home and the article ("Text" on the newer layout stands for it), and on
    the older layout a keywords meta holding the title. "Editor:" names no author."""
    x = a.extra
    meta = {"published": x["date"], "categories": [x["col"][0]]}
    if x["layout"] == "td":
        meta["tags"] = [a.title]
    return meta


def main() -> None:
    for a in ARTICLES:
        a.meta = meta_of(a)
    pages = {a.file: (render(a), expected_article(a, BASE, "utf-8", "en")) for a in ARTICLES}
    write_template(HERE, pages)


if __name__ == "__main__":
    main()
