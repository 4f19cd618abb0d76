"""cn_utf8_modern: a modern Chinese health site (UTF-8, HTML5, utility-class markup).

    python tests/corpus/cn_utf8_modern/build.py

<article>/<section> markup, `<h3>1、标题</h3>` or `<h3>（一）标题</h3>` headings, <h4> sub-headings,
author/time/read-count meta bar, 分享到：微信 微博 QQ空间 share bar, like/collect buttons,
post-nav cards with 上一篇/下一篇 in a <span> inside the link, 推荐阅读 / 猜你喜欢 blocks
built from <div class="item"><a><h4>title</h4></a><p>snippet…</p></div>, a 声明 disclaimer,
comments, and one page with unnumbered <h2> sections. Metadata: a 作者 / 审核专家 / 发布时间
meta bar (one date in words, 2024年5月16日), keywords, description and og:description,
a root-relative og:image, crumbs ending with the title, and a 参考文献 list in the same
<section><h3> markup as the article's sections.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from handlib import Article, esc, expected_article, words_date, write_template  # noqa: E402

BASE = "http://www.kangjian-daily.test/"
CN_NUM = "一二三四五六七八九十"

BOILER = ["分享到", "微信", "微博", "QQ空间", "上一篇", "下一篇", "声明：", "仅供参考，不构成",
          "发表评论", "阅读 ", "点赞", "收藏", "首页", "康健日报", "作者：", "扫码关注", "热榜",
          "审核专家", "主任医师", "发布时间"]

ARTICLES = [
    Article(
        file="103245.html",
        path="/a/20240512/103245.html",
        title="颈椎病的四个早期信号，低头族一定要知道",
        extra={"label": "arabic", "related_title": "推荐阅读", "author": "周建国",
               "reviewer": ("张伟", "主任医师", "北京协和医院骨科"),
               "date": "2024-05-12 18:20", "reads": "2.3万", "channel": ("骨骼关节", "/bone/"),
               "keywords": ["颈椎病", "低头族", "颈椎保健"],
               "desc": "长时间低头让颈椎病越来越年轻化。脖子僵硬、手臂发麻、头晕头痛、走路不稳，这四个早期信号要警惕。"},
        intro=[
            "如今，无论是在地铁上、餐桌旁还是被窝里，低头看手机的人随处可见。长时间低头会让颈部肌肉持续紧张，颈椎间盘承受的压力成倍增加，颈椎病也因此越来越年轻化。",
            "颈椎病早期的症状往往不典型，很容易被当成“累了”“落枕了”而忽视。如果出现下面这些信号，就要提高警惕了。",
        ],
        sections=[
            ("脖子僵硬、酸痛", [
                "这是颈椎病最早、最常见的表现。很多人早上起床或者连续工作几个小时以后，觉得脖子发紧、转头不灵活，按压时还有明显的酸痛点。这种不适休息以后可以缓解，但很快又会复发。如果颈部酸痛反复出现超过两周，最好到医院做一次检查。",
            ]),
            ("肩膀和手臂发麻", [
                "当颈椎间盘突出或骨质增生压迫到神经根时，疼痛和麻木会沿着肩膀向手臂、手指放射。有的人表现为手指尖发麻，拿筷子、系扣子不如以前灵活。不少人以为是睡觉压到了手，其实问题出在脖子上。",
            ]),
            ("头晕、头痛", [
                "颈椎的病变可能影响椎动脉的供血，导致头晕、头痛，转头时症状更加明显，严重时甚至会突然摔倒。头痛多位于后脑勺，可以向头顶和太阳穴扩散，常常伴有眼睛发胀、耳鸣。需要注意的是，头晕的原因很多，高血压、贫血、耳石症都可能引起，不能一概而论。",
            ]),
            ("走路不稳、像踩棉花", [
                "如果颈椎病压迫到了脊髓，可能出现双腿无力、走路不稳，感觉脚下像踩着棉花一样。这种情况属于脊髓型颈椎病，病情相对较重，有可能需要手术治疗，一定要尽早到脊柱外科就诊，千万不要自行按摩或者找人“正骨”。",
                "预防颈椎病，最重要的是改掉长时间低头的习惯。看手机时尽量把手机举到与视线平齐的位置，伏案工作每隔45分钟左右就起身活动一下，做几组缓慢的仰头、转头动作。",
            ]),
        ],
        prev=("久坐腰疼怎么办？试试这几个动作", "/a/20240505/102987.html"),
        next=("肩周炎和颈椎病怎么区分", "/a/20240518/103410.html"),
        related=[
            ("枕头多高才合适？选错了伤颈椎", "/a/20240420/102556.html",
             "一个合适的枕头可以让颈椎在睡眠中保持自然的生理曲度，枕头太高…"),
            ("办公室里就能做的颈部放松操", "/a/20240311/101402.html",
             "每天花上五分钟，坐在椅子上就能完成这套动作，帮助缓解颈部…"),
            ("落枕了怎么办？三个方法快速缓解", "/a/20240226/100983.html",
             "早上醒来脖子动不了，一转头就疼，这就是我们常说的落枕…"),
            ("手麻是怎么回事？不一定是颈椎病", "/a/20240109/99812.html",
             "手麻是一种很常见的症状，除了颈椎病以外，腕管综合征、糖尿…"),
        ],
        must_not_contain=[*BOILER, "枕头多高才合适", "周建国"],
        must_contain=["千万不要自行按摩或者找人“正骨”。", "做几组缓慢的仰头、转头动作。"],
    ),
    Article(
        file="103388.html",
        path="/a/20240516/103388.html",
        title="糖尿病人能吃水果吗？记住这三个原则",
        extra={"label": "paren", "related_title": "猜你喜欢", "author": "林小雨",
               "reviewer": ("孙丽华", "副主任医师", "上海市第六人民医院内分泌科"),
               # the date in words, and no time
               "date": "2024-05-16", "date_style": "zh", "reads": "1.8万",
               "channel": ("慢病管理", "/chronic/"), "keywords": ["糖尿病", "水果", "血糖"],
               "desc": "糖尿病人可以吃水果，关键在于吃什么、吃多少和什么时候吃。",
               "refs": [
                   "中国营养学会. 中国居民膳食指南（2022）[M]. 北京：人民卫生出版社，2022.",
                   '中华医学会糖尿病学分会. <a href="http://www.cds-diabetes.test/guide/2020">中国2型糖尿病防治指南（2020年版）</a>[J]. 中华糖尿病杂志，2021，13（4）：315-409.',
                   '<a href="http://www.glycemic-index.test/fruits/">常见水果血糖生成指数表</a>',
               ]},
        intro=[
            "很多糖尿病患者一听说水果含糖，就再也不敢碰了。其实，水果富含维生素、矿物质和膳食纤维，只要血糖控制得比较平稳，糖尿病人是可以吃水果的，关键在于吃什么、吃多少和什么时候吃。",
        ],
        sections=[
            ("选择升糖指数低的水果", [
                "升糖指数（GI）反映的是食物升高血糖的速度。一般来说，GI低于55的属于低升糖指数食物，对血糖的影响比较小。下面是几种常见水果的升糖指数：",
                ("table", [
                    ["水果", "升糖指数", "推荐程度"],
                    ["樱桃", "22", "推荐"],
                    ["柚子", "25", "推荐"],
                    ["苹果", "36", "推荐"],
                    ["西瓜", "72", "少吃"],
                ]),
                "西瓜虽然含糖量不算高，但升糖速度快，一次吃得多血糖就容易升高。荔枝、龙眼、榴莲、大枣等含糖量高的水果也要少吃，各种果干、罐头水果和果汁最好不吃。",
            ]),
            ("控制好每次的量", [
                "即使是低升糖指数的水果，吃多了一样会让血糖升高。一般建议每天吃水果不超过200克，大约相当于一个中等大小的苹果，可以分成两次吃。如果当天吃了水果，主食就要相应减少一些，比如少吃半两米饭，这样全天的总热量才不会超标。",
            ]),
            ("把握吃水果的时间", [
                "水果最好放在两餐之间吃，比如上午十点左右或者下午三四点，不要在饭后马上吃，也不建议空腹大量吃。刚开始吃某种水果时，可以在吃之前和吃完两小时后各测一次血糖，看看自己的血糖反应，再决定以后能不能吃、能吃多少。",
                "如果空腹血糖经常高于10毫摩尔/升，或者血糖波动很大，就应当暂时不吃水果，可以用黄瓜、西红柿代替，等血糖稳定以后再慢慢加回来。",
            ]),
        ],
        prev=("空腹血糖高怎么办", "/a/20240509/103102.html"),
        next=("二甲双胍要吃一辈子吗", "/a/20240521/103533.html"),
        related=[
            ("糖尿病人早餐怎么吃", "/a/20240428/102801.html",
             "早餐是一天中最重要的一餐，对于糖尿病人来说，早餐吃得好不…"),
            ("粗粮吃得越多越好吗", "/a/20240402/102040.html",
             "粗粮富含膳食纤维，很多人把它当作控糖的“法宝”，可是粗粮…"),
            ("无糖食品真的不含糖吗", "/a/20240317/101622.html",
             "超市里的无糖饼干、无糖饮料越来越多，不少糖友买起来毫不…"),
        ],
        must_not_contain=[*BOILER, "糖尿病人早餐怎么吃", "林小雨", "参考文献", "人民卫生出版社",
                          "中国2型糖尿病防治指南", "常见水果血糖生成指数表"],
        must_contain=["西瓜 | 72 | 少吃", "水果 | 升糖指数 | 推荐程度",
                      "可以用黄瓜、西红柿代替"],
    ),
    Article(
        file="103601.html",
        path="/a/20240524/103601.html",
        title="春季过敏性鼻炎高发，这样做可以减轻症状",
        extra={"label": "arabic", "related_title": "推荐阅读", "author": "高敏", "reviewer": None,
               "date": "2024-05-24 20:02", "reads": "9652", "channel": ("呼吸健康", "/breath/"),
               "keywords": ["过敏性鼻炎", "花粉过敏", "鼻腔冲洗"],
               "desc": "春季花粉浓度高，过敏性鼻炎进入高发期。避开过敏原、坚持鼻腔冲洗、规范用药，可以明显减轻症状。"},
        intro=[
            "每到春天，很多人就开始不停地打喷嚏、流清水鼻涕，鼻子又堵又痒，眼睛也跟着发痒流泪。这很可能是过敏性鼻炎在作怪。春季花粉浓度高，是过敏性鼻炎发作最集中的季节。",
        ],
        sections=[
            ("找到并避开过敏原", [
                "过敏性鼻炎最常见的过敏原包括花粉、尘螨、霉菌和动物皮屑。可以到医院做皮肤点刺试验或者抽血检查，明确自己对什么过敏。",
                ("h4", "花粉过敏的人"),
                "在花粉浓度高的日子里尽量减少外出，尤其是上午十点到下午四点之间。出门时戴上口罩和眼镜，回家以后及时换衣服、洗脸，晚上不要把衣服晾在室外。",
                ("h4", "尘螨过敏的人"),
                "床单、被罩每周用60℃以上的热水清洗一次，尽量不用地毯和布艺沙发，家里的毛绒玩具也要收起来。卧室保持通风干燥，湿度最好不超过50%。",
            ]),
            ("坚持鼻腔冲洗", [
                "用生理盐水冲洗鼻腔，可以把附着在鼻黏膜上的过敏原和分泌物冲走，减轻鼻塞和流涕，适合长期使用。具体的方法是：",
                ("ol", [
                    "准备洗鼻器和专用的洗鼻盐，用温开水配成盐水；",
                    "身体前倾，头偏向一侧，张口呼吸；",
                    "把洗鼻器对准上方的鼻孔，轻轻挤压，让盐水从另一侧鼻孔流出；",
                    "换另一侧重复，洗完后轻轻擤鼻。",
                ]),
                "冲洗时不要用自来水直接冲，也不要用力过猛，以免引起中耳炎。",
            ]),
            ("规范用药", [
                "症状较重的患者可以在医生指导下使用鼻用激素喷剂和抗组胺药。很多人一听到“激素”就害怕，其实鼻用激素作用在局部，进入血液的量很少，按照说明规范使用是安全的。需要注意的是，鼻用激素起效比较慢，一般要连续使用几天才能看到明显效果，不能觉得没用就随意停药。",
                "含有麻黄碱类成分的减充血剂虽然通鼻效果快，但连续使用不宜超过一周，否则可能引起药物性鼻炎，鼻塞反而越来越重。",
            ]),
        ],
        prev=("换季总感冒？提高免疫力靠这几招", "/a/20240519/103455.html"),
        next=None,
        related=[
            ("鼻塞睡不着怎么办", "/a/20240301/101150.html",
             "鼻子堵得厉害，晚上只能张着嘴呼吸，第二天起来嗓子又干又…"),
            ("哮喘和过敏性鼻炎有什么关系", "/a/20240214/100702.html",
             "很多哮喘患者同时患有过敏性鼻炎，医学上称为“同一气道…"),
            ("尘螨过敏怎么彻底清除螨虫", "/a/20231212/98544.html",
             "尘螨是看不见的“室友”，主要藏在床垫、枕头和沙发里，以…"),
        ],
        must_not_contain=[*BOILER, "鼻塞睡不着怎么办", "高敏"],
        must_contain=["花粉过敏的人", "尘螨过敏的人",
                      "身体前倾，头偏向一侧，张口呼吸；\n把洗鼻器对准上方的鼻孔"],
    ),
    Article(
        file="103720.html",
        path="/a/20240530/103720.html",
        title="每天喝多少水才合适？很多人喝错了",
        extra={"label": None, "related_title": "猜你喜欢", "author": "健康编辑部",
               "reviewer": ("李建平", "主任医师", "北京大学第一医院营养科"),
               "date": "2024-05-30 12:00", "reads": "3.1万", "channel": ("饮食营养", "/food/"),
               "keywords": ["喝水", "饮水量", "健康饮食"],
               "desc": "每天要喝八杯水吗？身体缺水有哪些表现、一天到底喝多少、怎么喝更健康，一文说清楚。"},
        intro=[
            "“每天要喝八杯水”这句话几乎人人都听过，可是八杯水到底够不够，是不是每个人都一样？喝水这件看似简单的小事，其实也有不少学问。",
        ],
        numbered=False,
        sections=[
            ("身体缺水有哪些表现", [
                "口渴其实是身体缺水比较晚的信号。当身体缺水时，最早的变化往往是小便颜色变深、次数减少，接着会出现口唇干燥、皮肤弹性变差、注意力不集中和容易疲劳。老年人对口渴的感觉比较迟钝，即使身体已经缺水也不一定想喝水，家人要多提醒。",
            ]),
            ("一天到底喝多少", [
                "根据《中国居民膳食指南》的建议，在温和气候条件下，轻体力活动的成年男性每天应喝水1700毫升，成年女性1500毫升，大约相当于七到八杯。天气炎热、运动出汗多的时候，还需要在此基础上适当增加。判断喝水够不够，最简单的方法是看小便颜色，呈淡黄色就说明水分比较充足。",
            ]),
            ("怎么喝更健康", [
                "喝水要少量多次，每次喝一两百毫升，不要等到口渴了才一口气喝很多。早上起床后可以先喝一杯温开水，饭前半小时适量喝水，睡前一两个小时就少喝一些，以免夜里频繁起夜。白开水是最好的选择，含糖饮料不能代替喝水。",
                "心力衰竭、肾功能不全的患者喝水量需要严格控制，应当遵照医生的建议，不能盲目多喝。",
            ]),
        ],
        prev=None,
        next=("夏天出汗多要不要补盐", "/a/20240604/103866.html"),
        related=[
            ("喝淡盐水能排毒吗", "/a/20240415/102377.html",
             "网上流传早上起来喝一杯淡盐水可以清肠排毒，这种说法其实…"),
            ("隔夜水能不能喝", "/a/20240322/101788.html",
             "烧开的水放了一夜，第二天还能喝吗？有人说隔夜水会产生亚…"),
        ],
        must_not_contain=[*BOILER, "喝淡盐水能排毒吗", "健康编辑部"],
        must_contain=["呈淡黄色就说明水分比较充足。", "不能盲目多喝。"],
    ),
]


def label(a: Article, i: int) -> str:
    if a.extra["label"] == "arabic":
        return f"{i + 1}、"
    if a.extra["label"] == "paren":
        return f"（{CN_NUM[i]}）"
    return ""


def render_block(block) -> str:
    if isinstance(block, str):
        return f"<p>{block}</p>"
    kind, body = block
    if kind in ("ul", "ol"):
        return f"<{kind} class=\"list\">" + "".join(f"<li>{i}</li>" for i in body) + f"</{kind}>"
    if kind == "table":
        head = "".join(f"<th>{c}</th>" for c in body[0])
        rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in body[1:])
        return (f'<div class="table-wrap"><table class="tb"><thead><tr>{head}</tr></thead>'
                f"<tbody>{rows}</tbody></table></div>")
    if kind == "h4":
        return f'<h4 class="sub-title">{body}</h4>'
    raise ValueError(kind)


def cover(a: Article) -> str:
    """og:image as the site writes it: root-relative."""
    return f"/static/cover/{a.file[:-5]}.jpg"


def meta_of(a: Article) -> dict:
    """What the page states: the meta bar (作者, 审核专家 with the title and hospital after
    "|", 发布时间 without a zone: UTC), keywords, description / og:description, og:image
    (relative), the crumbs without 首页 and the title, the 参考文献 list."""
    x = a.extra
    return {
        "published": x["date"],
        "authors": [x["author"]],
        "reviewers": [x["reviewer"][0]] if x["reviewer"] else [],
        "tags": x["keywords"],
        "categories": [x["channel"][0]],
        "description": x["desc"],
        "image": cover(a),
        "references": x.get("refs", []),
    }


def post_meta(a: Article) -> str:
    x = a.extra
    shown = words_date(x["date"], "zh") if x.get("date_style") == "zh" else x["date"]
    reviewer = ""
    if x["reviewer"]:
        reviewer = f'<span class="reviewer">审核专家：{" | ".join(x["reviewer"])}</span>'
    spans = [f'<span class="author">作者：{x["author"]}</span>', reviewer,
             f'<span class="time">发布时间：{shown}</span>', f'<span class="views">阅读 {x["reads"]}</span>']
    return '<div class="post-meta">' + "\n".join(s for s in spans if s) + "</div>"


def render(a: Article) -> str:
    parts = [render_block(b) for b in a.intro]
    for i, (heading, blocks) in enumerate(a.sections):
        tag = "h3" if a.numbered else "h2"
        inner = "\n".join(render_block(b) for b in blocks)
        parts.append(f'<section class="para-block">\n<{tag} class="para-title">{label(a, i)}{heading}'
                     f"</{tag}>\n{inner}\n</section>")
    if a.extra.get("refs"):
        items = "\n".join(f"<li>{r}</li>" for r in a.extra["refs"])
        parts.append(f'<section class="para-block references">\n<h3 class="para-title">参考文献</h3>\n'
                     f'<ol class="ref-list">\n{items}\n</ol>\n</section>')
    nav = []
    if a.prev:
        nav.append(f'<a class="post-nav__item prev" href="{a.prev[1]}"><span class="tag">上一篇</span>'
                   f'<p class="t">{esc(a.prev[0])}</p></a>')
    if a.next:
        nav.append(f'<a class="post-nav__item next" href="{a.next[1]}"><span class="tag">下一篇</span>'
                   f'<p class="t">{esc(a.next[0])}</p></a>')
    items = "\n".join(
        f'<div class="item"><a href="{h}"><img src="/static/thumb/{h.rsplit("/", 1)[-1][:-5]}.jpg" alt="">'
        f"<h4>{esc(t)}</h4></a><p>{esc(s)}</p></div>"
        for t, h, s in a.related
    )
    ch_name, ch_href = a.extra["channel"]
    nl = "\n"
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} - 康健日报</title>
<meta name="keywords" content="{esc(",".join(a.extra["keywords"]))}">
<meta name="description" content="{esc(a.extra["desc"])}">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:description" content="{esc(a.extra["desc"])}">
<meta property="og:image" content="{cover(a)}">
<meta property="og:site_name" content="康健日报">
<link rel="canonical" href="{BASE.rstrip('/')}{a.path}">
<link rel="stylesheet" href="/static/css/app.8f3a1c.css">
</head>
<body class="page-article">
<header class="site-header">
  <a class="logo" href="/"><img src="/static/img/logo.svg" alt="康健日报"></a>
  <nav class="channels"><a href="/">首页</a><a href="/bone/">骨骼关节</a><a href="/chronic/">慢病管理</a><a href="/breath/">呼吸健康</a><a href="/food/">饮食营养</a><a href="/video/">视频</a></nav>
  <form class="search" action="/search"><input name="q" placeholder="搜索疾病、症状、药品"><button>搜索</button></form>
</header>
<main class="container">
  <div class="crumbs"><a href="/">首页</a><i>/</i><a href="{ch_href}">{ch_name}</a><i>/</i><span>{esc(a.title)}</span></div>
  <article class="post">
    <header class="post-header">
      <h1 class="post-title">{esc(a.title)}</h1>
      {post_meta(a)}
    </header>
    <div class="share-bar">分享到：<a class="wx" href="javascript:;">微信</a><a class="wb" href="/share?to=weibo">微博</a><a class="qz" href="/share?to=qzone">QQ空间</a></div>
    <section class="post-content">
{nl.join(parts)}
    </section>
    <div class="post-actions"><button class="like">点赞 <em>268</em></button><button class="fav">收藏</button></div>
    <p class="statement">声明：本文内容仅供参考，不构成诊疗建议，如有不适请及时就医。</p>
    <div class="post-nav">
{nl.join(nav)}
    </div>
  </article>
  <section class="recommend">
    <h2 class="block-title">{a.extra['related_title']}</h2>
{items}
  </section>
  <section class="comments">
    <h2 class="block-title">发表评论</h2>
    <textarea placeholder="说点什么吧"></textarea><button>发布</button>
    <p class="empty">暂无评论，快来抢沙发吧～</p>
  </section>
  <aside class="sidebar">
    <div class="widget"><h3>热榜</h3><ol><li><a href="/a/20240501/102901.html">体检发现肺结节，一定是肺癌吗</a></li><li><a href="/a/20240427/102766.html">吃完饭就犯困是血糖高吗</a></li><li><a href="/a/20240422/102630.html">这五种蔬菜最好焯水再吃</a></li></ol></div>
    <div class="widget qr"><img src="/static/img/qr.png" alt="扫码关注"><p>扫码关注康健日报公众号</p></div>
  </aside>
</main>
<footer class="site-footer"><p>© 2024 康健日报 kangjian-daily.test 沪ICP备20240001号-1</p><p><a href="/about">关于我们</a> · <a href="/contact">联系我们</a> · <a href="/privacy">隐私政策</a></p></footer>
<script src="/static/js/app.8f3a1c.js"></script>
</body>
</html>
"""


def main() -> None:
    for a in ARTICLES:
        a.meta = meta_of(a)
    pages = {a.file: (render(a), expected_article(a, BASE, "utf-8", "zh")) for a in ARTICLES}
    write_template(HERE, pages)


if __name__ == "__main__":
    main()
