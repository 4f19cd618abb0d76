"""Generate the `gen_*` templates of the test corpus (deterministic; stdlib only).

    python tests/corpus/build_generated.py

Three site templates written unlike the demo site and unlike each other, each page with
its expected record in the template's expected.json (layout: tests/corpus/README.md).
Hand-written templates sit beside these in tests/corpus/.
"""

from __future__ import annotations

import html
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from handlib import metadata, words_date  # noqa: E402

EN_SENTENCES = [
    "Most adults notice the problem first at night, when the muscles are cold and still.",
    "Doctors usually start by asking about diet, sleep and any medicines taken every day.",
    "A short walk after meals helps the body use sugar and keeps the joints supple.",
    "Drinking water through the day matters more than drinking a lot at once.",
    "People who sit for long hours at a desk are more likely to report stiffness.",
    "Simple blood tests can rule out anaemia, thyroid trouble and low vitamin levels.",
    "Warm compresses relax tight muscles, while cold packs calm fresh swelling.",
    "Children recover faster than adults, but they need the same gentle attention.",
    "Stress raises the heart rate and makes every small ache feel stronger than it is.",
    "Leafy greens, beans and nuts supply magnesium, which muscles need to relax.",
    "If the pain wakes you often, keep a simple diary of when and how it starts.",
    "Stretching before bed takes five minutes and prevents many night-time episodes.",
    "Older adults lose muscle mass slowly, so strength training becomes more useful.",
    "Pregnant women often feel these changes in the second half of pregnancy.",
    "Alcohol and strong coffee both pull water out of the body and worsen symptoms.",
    "A doctor should check any pain that comes with redness, heat or a swollen calf.",
    "Good shoes with a firm heel reduce strain on the feet and the lower legs.",
    "Regular meals keep blood sugar steady, which protects energy through the afternoon.",
    "Sleeping in a cool, dark room improves both the length and the depth of sleep.",
    "Most of these habits cost nothing and show results within two or three weeks.",
]
ZH_SENTENCES = [
    "很多人在夜间最先察觉到这种不适，因为此时肌肉处于寒冷和静止的状态。",
    "医生通常会先询问饮食、睡眠以及每天服用的药物情况。",
    "饭后散步有助于身体利用血糖，也能让关节保持灵活。",
    "一天中分次喝水比一次喝很多水更加重要。",
    "长时间伏案工作的人更容易出现僵硬和酸痛。",
    "简单的血液检查可以排除贫血、甲状腺问题和维生素缺乏。",
    "热敷可以放松紧张的肌肉，冷敷则能缓解刚出现的肿胀。",
    "儿童恢复得比成年人快，但同样需要细心的照顾。",
    "压力会加快心率，让每一点小疼痛都显得更加明显。",
    "绿叶蔬菜、豆类和坚果富含镁元素，有助于肌肉放松。",
    "如果疼痛经常让你醒来，可以记录下发作的时间和方式。",
    "睡前拉伸只需要五分钟，却能预防很多夜间发作。",
    "老年人的肌肉量会慢慢减少，因此力量训练更加有用。",
    "孕妇在怀孕后半期常常会感觉到这些变化。",
    "酒精和浓咖啡都会带走身体里的水分，使症状加重。",
    "如果疼痛伴有发红、发热或小腿肿胀，应及时就医检查。",
    "鞋跟稳固的鞋子可以减轻双脚和小腿的负担。",
    "规律的三餐能让血糖保持平稳，下午也不容易疲倦。",
    "在凉爽、黑暗的房间里睡觉，可以提高睡眠的时长和质量。",
    "这些习惯大多不花钱，两三周之内就能看到效果。",
]
EN_TOPICS = [
    (
        "Why your back aches after work",
        ["Poor posture", "Weak core muscles", "Long hours sitting", "Stress and tension"],
    ),
    (
        "How to sleep better in summer",
        ["Keep the bedroom cool", "Mind the evening meal", "Limit screens"],
    ),
    (
        "What helps a sore throat",
        [
            "Warm drinks",
            "Rest your voice",
            "Humid air",
            "When to see a doctor",
            "Gargling salt water",
        ],
    ),
    (
        "Foods that keep your bones strong",
        ["Dairy and calcium", "Vitamin D from the sun", "Leafy greens"],
    ),
]
ZH_TOPICS = [
    ("腰酸背痛是什么原因", ["坐姿不正确", "核心肌肉无力", "久坐不动", "精神压力大"]),
    ("夏天怎样睡个好觉", ["保持卧室凉爽", "注意晚餐", "减少看屏幕"]),
    ("喉咙痛吃什么好", ["多喝温水", "让嗓子休息", "保持空气湿润", "何时就医"]),
    ("哪些食物有助于骨骼健康", ["奶制品和钙", "晒太阳补充维生素D", "绿叶蔬菜"]),
]
CN = "一二三四五六七八九十"
BLOG_TAGS = ["health", "tips"]


def prose(pool: list[str], rng: random.Random, n: int, joiner: str) -> str:
    return joiner.join(rng.sample(pool, n))


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def build_article_data(lang: str, seed: int, topic: tuple[str, list[str]]) -> dict:
    rng = random.Random(seed)
    pool, joiner = (EN_SENTENCES, " ") if lang == "en" else (ZH_SENTENCES, "")
    title, heads = topic
    intro = [prose(pool, rng, 3, joiner)]
    sections = []
    for i, head in enumerate(heads):
        paragraphs = [prose(pool, rng, rng.randint(2, 4), joiner) for _ in range(rng.randint(1, 2))]
        sections.append({"number": i + 1, "heading": head, "paragraphs": paragraphs})
    return {"title": title, "intro": intro, "sections": sections}


def expected_of(data: dict, url: str, lang: str, extra: dict) -> dict:
    return {
        "url": url,
        "article": True,
        "title": data["title"],
        "intro": "\n\n".join(data["intro"]),
        "sections": [
            {"number": s["number"], "heading": s["heading"], "text": "\n\n".join(s["paragraphs"])}
            for s in data["sections"]
        ],
        "language": lang,
        **extra,
    }


# --- template 1: Chinese GBK portal with a table layout -----------------------------------
def cn_gbk_portal() -> None:
    out = HERE / "gen_cn_gbk_portal"
    out.mkdir(exist_ok=True)
    host = "http://www.jiankang-gbk.test"
    pages: dict[str, dict] = {}
    urls = [f"{host}/html/2024/0{i + 1}/{1000 + i}.html" for i in range(len(ZH_TOPICS))]
    datas = [build_article_data("zh", 100 + i, t) for i, t in enumerate(ZH_TOPICS)]
    for i, data in enumerate(datas):
        related = [
            {
                "title": datas[j]["title"],
                "url": urls[j],
                "snippet": datas[j]["intro"][0][:20] + "...",
            }
            for j in range(len(datas))
            if j != i
        ]
        prev = {"title": datas[i - 1]["title"], "url": urls[i - 1]} if i > 0 else None
        nxt = {"title": datas[i + 1]["title"], "url": urls[i + 1]} if i + 1 < len(datas) else None
        posted = f"2024-0{i + 1}-12 10:3{i}"
        body = "".join(f"<p>　　{esc(p)}</p>" for p in data["intro"])
        for s in data["sections"]:
            body += f"<p><b>{CN[s['number'] - 1]}、{esc(s['heading'])}</b></p>"
            body += "".join(f"<p>　　{esc(p)}</p>" for p in s["paragraphs"])
        nav = ""
        if prev:
            nav += f'<li>上一篇：<a href="{prev["url"]}">{esc(prev["title"])}</a></li>'
        if nxt:
            nav += f'<li>下一篇：<a href="{nxt["url"]}">{esc(nxt["title"])}</a></li>'
        rel = "".join(
            f'<li><a href="{r["url"]}" target="_blank">{esc(r["title"])}</a>'
            f"<span>{esc(r['snippet'])}</span></li>"
            for r in related
        )
        page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{esc(data["title"])}_健康养生网</title></head>
<body><table width="960" align="center"><tr><td colspan="2" class="top">
<a href="/">健康养生网</a> | <a href="/yangsheng/">养生</a> | <a href="/jibing/">疾病</a> | <a href="/yinshi/">饮食</a>
</td></tr>
<tr><td width="700" valign="top">
<div class="weizhi">当前位置：<a href="/">首页</a> &gt; <a href="/yangsheng/">养生</a> &gt; 正文</div>
<h1>{esc(data["title"])}</h1>
<div class="info">来源：健康养生网　时间：{posted}　作者：王医生</div>
<div class="neirong">{body}</div>
<p>（责任编辑：李明）</p>
<ul class="sxp">{nav}</ul>
<div class="xg"><h3>相关推荐</h3><ul>{rel}</ul></div>
</td><td width="260" valign="top"><div class="right"><h3>热门文章</h3><ul>
<li><a href="/a/1.html">秋季养生吃什么好</a></li><li><a href="/a/2.html">失眠怎么办</a></li>
<li><a href="/a/3.html">高血压饮食注意事项</a></li></ul></div></td></tr>
<tr><td colspan="2" class="foot">关于我们 | 联系我们 | 免责声明<br>
Copyright (C) 2024 健康养生网 版权所有 本站内容仅供参考，不作为诊断及医疗依据。</td></tr>
</table></body></html>"""
        name = f"{1000 + i}.html"
        (out / name).write_bytes(page.encode("gbk"))
        pages[name] = expected_of(
            data,
            urls[i],
            "zh",
            {
                "encoding": "gbk",
                "related": related,
                "prev": prev,
                "next": nxt,
                "must_not_contain": present(
                    page,
                    [
                        "当前位置",
                        "责任编辑",
                        "热门文章",
                        "版权所有",
                        "相关推荐",
                        "上一篇",
                        "来源：",
                    ],
                ),
                "must_contain": [data["sections"][0]["paragraphs"][0][:12]],
                # the info line's 时间 (no zone: UTC) and 作者; 当前位置 without 首页 and 正文
                **metadata(urls[i], published=posted, authors=["王医生"], categories=["养生"]),
            },
        )
    listing = (
        "".join(
            f'<li><a href="{u}">{esc(d["title"])}</a><p>{esc(d["intro"][0][:30])}...</p></li>'
            for u, d in zip(urls, datas, strict=True)
        )
        * 2
    )
    list_page = f"""<html><head><meta charset="gbk"><title>养生_健康养生网</title></head><body>
<div>当前位置：<a href="/">首页</a> &gt; 养生</div><h1>养生</h1><ul>{listing}</ul>
<div>共3页 <a href="/yangsheng/2.html">下一页</a></div></body></html>"""
    (out / "list.html").write_bytes(list_page.encode("gbk"))
    pages["list.html"] = {"url": f"{host}/yangsheng/", "article": False, "encoding": "gbk"}
    notfound = """<html><head><meta charset="gbk"><title>404 页面不存在</title></head><body>
<h1>抱歉，您访问的页面不存在</h1><p>请返回<a href="/">首页</a>。</p></body></html>"""
    (out / "404.html").write_bytes(notfound.encode("gbk"))
    pages["404.html"] = {"url": f"{host}/missing.html", "article": False, "encoding": "gbk"}
    write_expected(out, pages)


# --- template 2: English blog (WordPress-like) ------------------------------------------
def en_blog() -> None:
    out = HERE / "gen_en_blog"
    out.mkdir(exist_ok=True)
    host = "https://wellbeing-blog.test"
    slugs = ["back-ache-after-work", "sleep-better-summer", "sore-throat-help", "strong-bones-food"]
    urls = [f"{host}/2024/05/{s}/" for s in slugs]
    datas = [build_article_data("en", 200 + i, t) for i, t in enumerate(EN_TOPICS)]
    pages: dict[str, dict] = {}
    for i, data in enumerate(datas):
        related = [
            {"title": datas[j]["title"], "url": urls[j], "snippet": ""}
            for j in range(len(datas))
            if j != i
        ][:3]
        prev = {"title": datas[i - 1]["title"], "url": urls[i - 1]} if i > 0 else None
        nxt = {"title": datas[i + 1]["title"], "url": urls[i + 1]} if i + 1 < len(datas) else None
        posted = f"2024-05-0{i + 3}"
        body = "".join(f"<p>{esc(p)}</p>" for p in data["intro"])
        for s in data["sections"]:
            body += f"<h3>Step {s['number']}: {esc(s['heading'])}</h3>"
            body += "".join(f"<p>{esc(p)}</p>" for p in s["paragraphs"])
        nav = ""
        if prev:
            nav += (
                f'<div class="nav-previous"><a href="{prev["url"]}" rel="prev">'
                f'<span class="meta-nav">Previous Post</span> {esc(prev["title"])}</a></div>'
            )
        if nxt:
            nav += (
                f'<div class="nav-next"><a href="{nxt["url"]}" rel="next">'
                f'<span class="meta-nav">Next Post</span> {esc(nxt["title"])}</a></div>'
            )
        cards = "".join(
            f'<div class="jp-relatedposts-post"><a href="{r["url"]}"><h4>{esc(r["title"])}</h4></a></div>'
            for r in related
        )
        page = f"""<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
<title>{esc(data["title"])} &#8211; Wellbeing Blog</title>
<meta property="og:title" content="{esc(data["title"])}"><meta property="og:site_name" content="Wellbeing Blog">
<link rel="canonical" href="{urls[i]}"></head>
<body class="post-template-default single"><div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Wellbeing Blog</a></p>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/category/fitness/">Fitness</a></li><li><a href="/about/">About</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main">
<article class="post type-post"><header class="entry-header"><h1 class="entry-title">{esc(data["title"])}</h1>
<div class="entry-meta">Posted on {words_date(posted)} by <a href="/author/anna/">Anna Reed</a></div></header>
<div class="entry-content">{body}
<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul></div>
<div id="jp-relatedposts"><h3 class="jp-relatedposts-headline">You may also like</h3>{cards}</div>
</div><footer class="entry-footer">Tags: {", ".join(f'<a href="/tag/{t}/">{t}</a>' for t in BLOG_TAGS)}</footer></article>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">{nav}</div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on this post</h2>
<p>Great tips, thank you so much for sharing them with us!</p><p>I tried the stretches and they really helped my back a lot.</p></div>
</main><aside id="secondary" class="widget-area"><h2>Recent Posts</h2><ul><li><a href="/x/">Hello world</a></li></ul></aside></div>
<footer id="colophon" class="site-footer">© 2024 Wellbeing Blog. Proudly powered by WordPress.</footer></div></body></html>"""
        name = f"{slugs[i]}.html"
        (out / name).write_text(page, encoding="utf-8")
        pages[name] = expected_of(
            data,
            urls[i] + "?utm_source=feed",
            "en",
            {
                "encoding": "utf-8",
                "related": related,
                "prev": prev,
                "next": nxt,
                "must_not_contain": present(
                    page,
                    [
                        "Share this",
                        "Great tips",
                        "Posted on",
                        "Proudly powered",
                        "You may also like",
                        "Previous Post",
                        "Tags:",
                        "Recent Posts",
                    ],
                ),
                "must_contain": [data["sections"][-1]["paragraphs"][-1]],
                # "Posted on <date> by <name>", and the "Tags:" line (links without rel)
                **metadata(urls[i], published=posted, authors=["Anna Reed"], tags=BLOG_TAGS),
            },
        )
    search = (
        """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Search results for "sleep" – Wellbeing Blog</title></head>
<body><h1>Search results for: sleep</h1>"""
        + "".join(
            f'<article><h2><a href="{u}">{esc(d["title"])}</a></h2><p>{esc(d["intro"][0][:80])}…</p>'
            f'<a href="{u}">Continue reading</a></article>'
            for u, d in zip(urls, datas, strict=True)
        )
        + "</body></html>"
    )
    (out / "search.html").write_text(search, encoding="utf-8")
    pages["search.html"] = {"url": f"{host}/?s=sleep", "article": False}
    login = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Log In – Wellbeing Blog</title></head>
<body><h1>Log in</h1><form><label>Username <input name="u"></label><label>Password <input name="p" type="password"></label>
<button>Log In</button></form><p><a href="/lost/">Lost your password?</a></p></body></html>"""
    (out / "login.html").write_text(login, encoding="utf-8")
    pages["login.html"] = {"url": f"{host}/wp-login.php", "article": False}
    write_expected(out, pages)


# --- template 3: English news-style health site -----------------------------------------
def en_news() -> None:
    out = HERE / "gen_en_news"
    out.mkdir(exist_ok=True)
    host = "https://www.dailyhealth-news.test"
    urls = [f"{host}/health/article-{5000 + i}.html" for i in range(len(EN_TOPICS))]
    datas = [build_article_data("en", 300 + i, t) for i, t in enumerate(EN_TOPICS)]
    pages: dict[str, dict] = {}
    for i, data in enumerate(datas):
        related = [
            {
                "title": datas[j]["title"],
                "url": urls[j],
                "snippet": datas[j]["intro"][0][:60] + "...",
            }
            for j in range(len(datas))
            if j != i
        ]
        prev = {"title": datas[i - 1]["title"], "url": urls[i - 1]} if i > 0 else None
        nxt = {"title": datas[i + 1]["title"], "url": urls[i + 1]} if i + 1 < len(datas) else None
        updated = f"2024-03-0{i + 2}"
        body = "".join(f"<p>{esc(p)}</p>" for p in data["intro"])
        for j, s in enumerate(data["sections"]):
            first, *rest = s["paragraphs"]
            body += f"<p><b>{s['number']}. {esc(s['heading'])}.</b> {esc(first)}</p>"
            body += "".join(f"<p>{esc(p)}</p>" for p in rest)
            if j == 0:
                body += '<div class="ad-slot"><span>Advertisement</span></div>'
        s0 = data["sections"][0]
        s0["paragraphs"] = s0["paragraphs"]  # the bold lead's rest is the first paragraph
        nav = ""
        if prev:
            nav += f'<div class="pn"><div>Previous article</div><a href="{prev["url"]}">{esc(prev["title"])}</a></div>'
        if nxt:
            nav += f'<div class="pn"><div>Next article</div><a href="{nxt["url"]}">{esc(nxt["title"])}</a></div>'
        rel = "".join(
            f'<div class="rel-item"><a href="{r["url"]}">{esc(r["title"])}</a><p>{esc(r["snippet"])}</p></div>'
            for r in related
        )
        page = f"""<!doctype html><html><head><meta charset="utf-8">
<title>{esc(data["title"])} | Daily Health News</title>
<script type="application/ld+json">{{"@context":"http://schema.test","@type":"NewsArticle","headline":"{esc(data["title"])}"}}</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Learn more</a> <button>Accept</button></div>
<div class="topnav"><a href="/">Daily Health News</a> <a href="/health/">Health</a> <a href="/diet/">Diet</a> <a href="/fitness/">Fitness</a></div>
<div class="wrap"><div class="story">
<h1>{esc(data["title"])}</h1>
<p class="byline">By Sarah Collins</p><p class="review">Medically reviewed by Dr. James Park, MD — Updated on {words_date(updated)}</p>
{body}
<div class="newsletter"><h3>Get our health newsletter</h3><p>Sign up for weekly tips delivered to your inbox.</p><form><input type="email"><button>Subscribe</button></form></div>
{nav}
<div class="related"><h3>Related articles</h3>{rel}</div>
</div></div>
<div class="footer"><p>© 2024 Daily Health News Ltd. All rights reserved.</p>
<p>This content is for informational purposes only and is not a substitute for professional medical advice.</p></div>
</body></html>"""
        name = f"article-{5000 + i}.html"
        (out / name).write_text(page, encoding="utf-8")
        pages[name] = expected_of(
            data,
            urls[i],
            "en",
            {
                "encoding": "utf-8",
                "related": related,
                "prev": prev,
                "next": nxt,
                "must_not_contain": present(
                    page,
                    [
                        "Advertisement",
                        "By Sarah Collins",
                        "Medically reviewed",
                        "Updated on March",
                        "newsletter",
                        "We use cookies",
                        "All rights reserved",
                        "Related articles",
                        "Previous article",
                        "informational purposes",
                    ],
                ),
                "must_contain": [data["sections"][0]["paragraphs"][0]],
                # one line names the reviewer and the update: "Updated on" is when the page
                # changed (modified_at), not a review date; the JSON-LD holds a headline only
                **metadata(
                    urls[i],
                    modified=updated,
                    authors=["Sarah Collins"],
                    reviewers=["Dr. James Park, MD"],
                ),
            },
        )
    write_expected(out, pages)


def present(page: str, strings: list[str]) -> list[str]:
    """Only the boilerplate strings the page really shows (a check of an absent one tests nothing)."""
    return [s for s in strings if s in page]


def write_expected(folder: Path, pages: dict[str, dict]) -> None:
    (folder / "expected.json").write_text(
        json.dumps({"pages": pages}, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    cn_gbk_portal()
    en_blog()
    en_news()
