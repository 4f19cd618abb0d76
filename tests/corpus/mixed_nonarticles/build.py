"""mixed_nonarticles: pages of the corpus's sites that are not articles; none may give a record.

    python tests/corpus/mixed_nonarticles/build.py

List pages with pagination and teaser snippets (one GBK, one whose cards use the same
markup as the site's 推荐阅读 block), tag pages, search results, about pages full of prose
(one with unnumbered <h2> sections), a contact form, two not-found pages, a login page.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from handlib import write_template  # noqa: E402

PAGES: dict[str, tuple[str, str, str]] = {}  # file -> (url, encoding, html)


def page(file: str, url: str, html: str, encoding: str = "utf-8") -> None:
    PAGES[file] = (url, encoding, html)


# 1. GBK column list page (the cn_gbk_portal site), page 2 of 25 ----------------------------
GBK_ITEMS = [
    ("秋季养生要注意哪些问题", "/jiankang/yangsheng/20230918/9120.html", "2023-09-18",
     "立秋以后，天气逐渐由热转凉，早晚温差变大，空气也变得干燥。人体经过一个夏天的消耗，抵抗力相对较弱，如果不注意调养，很容易出现感冒、咳嗽、腹泻等问题。"),
    ("白露时节吃什么好", "/jiankang/yangsheng/20230907/9098.html", "2023-09-07",
     "白露是秋季的第三个节气，这时候天气转凉，昼夜温差可以达到十几度。民间有白露吃龙眼、喝白露茶的习俗，其实饮食上更要注意润燥。"),
    ("泡脚真的能养生吗？这三类人不适合", "/jiankang/yangsheng/20230830/9077.html", "2023-08-30",
     "睡前用热水泡泡脚，可以促进血液循环，帮助放松，改善睡眠。但是泡脚并不适合所有人，糖尿病患者、静脉曲张患者和心脑血管病患者要格外小心。"),
    ("夏季如何预防中暑？记住这五个要点", "/jiankang/yangsheng/20230701/9012.html", "2023-07-01",
     "进入盛夏，气温持续走高，中暑的人也多了起来。中暑不仅仅是头晕乏力那么简单，严重的热射病甚至会危及生命，老人、儿童和户外工作者尤其要注意。"),
    ("午饭后能马上睡觉吗", "/jiankang/yangsheng/20230622/8990.html", "2023-06-22",
     "很多上班族习惯吃完午饭就趴在桌上睡一会儿，这样做其实不太好。饭后立即午睡，容易引起胃部不适，趴着睡还会压迫眼球和手臂。"),
    ("喝绿豆汤能解暑吗", "/jiankang/yangsheng/20230615/8971.html", "2023-06-15",
     "绿豆汤是很多家庭夏天必备的饮品，一碗冰凉的绿豆汤下肚，暑气顿消。不过，绿豆性凉，脾胃虚寒、容易腹泻的人不宜多喝。"),
]
gbk_items = "\n".join(
    f'<li><h3><a href="{h}" target="_blank">{t}</a></h3><span class="date">{d}</span>'
    f'<p>{s[:48]}...<a href="{h}">[详细]</a></p></li>'
    for t, h, d, s in GBK_ITEMS
)
page("zh_gbk_list.html", "http://www.bxjk.test/jiankang/yangsheng/list_12_2.html", f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>养生保健_第2页_百姓健康网</title>
<meta name="keywords" content="养生保健,养生,保健">
</head>
<body>
<table width="980" align="center" class="top"><tr><td><a href="/"><img src="/templets/default/images/logo.gif" alt="百姓健康网"></a></td>
<td class="topnav"><a href="/">首页</a> | <a href="/jiankang/">健康资讯</a> | <a href="/jiankang/yangsheng/">养生保健</a> | <a href="/jiankang/ertong/">育儿</a> | <a href="/jiankang/xinxueguan/">心脑血管</a></td></tr></table>
<table width="980" align="center" class="main"><tr>
<td width="680" valign="top">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/jiankang/">健康</a> &gt; 养生保健</div>
<div class="listbox"><ul class="e2">
{gbk_items}
</ul></div>
<div class="dede_pages"><ul class="pagelist">
<li><a href="/jiankang/yangsheng/list_12_1.html">首页</a></li>
<li><a href="/jiankang/yangsheng/list_12_1.html">上一页</a></li>
<li><a href="/jiankang/yangsheng/list_12_1.html">1</a></li>
<li class="thisclass">2</li>
<li><a href="/jiankang/yangsheng/list_12_3.html">3</a></li>
<li><a href="/jiankang/yangsheng/list_12_4.html">4</a></li>
<li><a href="/jiankang/yangsheng/list_12_5.html">5</a></li>
<li><a href="/jiankang/yangsheng/list_12_3.html">下一页</a></li>
<li><a href="/jiankang/yangsheng/list_12_25.html">末页</a></li>
<li><span class="pageinfo">共 <strong>25</strong>页<strong>247</strong>条</span></li>
</ul></div>
</td>
<td width="290" valign="top"><div class="box"><div class="tit"><b>热门文章</b></div><ul><li><a href="/jiankang/shuimian/20230305/8701.html">经常熬夜的危害有多大</a></li><li><a href="/jiankang/laoren/20230118/8533.html">老人便秘怎么办</a></li></ul></div></td>
</tr></table>
<div class="footer">Copyright &copy; 2008-2023 百姓健康网 版权所有 &nbsp; 京ICP备08012345号</div>
</body>
</html>
""", encoding="gbk")

# 2. GBK about page of the same portal: prose, contact details, no numbered headings -------
page("zh_about.html", "http://www.bxjk.test/about.html", """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>关于我们_百姓健康网</title>
</head>
<body>
<table width="980" align="center" class="top"><tr><td><a href="/"><img src="/templets/default/images/logo.gif" alt="百姓健康网"></a></td>
<td class="topnav"><a href="/">首页</a> | <a href="/jiankang/">健康资讯</a> | <a href="/jiankang/yangsheng/">养生保健</a></td></tr></table>
<table width="980" align="center"><tr>
<td width="200" valign="top" class="sidemenu"><ul><li class="on"><a href="/about.html">关于我们</a></li><li><a href="/contact.html">联系我们</a></li><li><a href="/mianze.html">免责声明</a></li><li><a href="/sitemap.html">网站地图</a></li></ul></td>
<td valign="top">
<div class="position">当前位置：<a href="/">首页</a> &gt; 关于我们</div>
<h2>关于我们</h2>
<div class="content">
<p>　　百姓健康网创办于2008年，是一家面向普通家庭的健康科普网站。我们的宗旨是用通俗易懂的语言，把可靠的医学知识带给每一位读者，帮助大家养成良好的生活习惯，科学地预防和应对常见疾病。</p>
<p>　　网站目前设有健康资讯、养生保健、育儿、心脑血管、睡眠健康等十多个栏目，累计发布科普文章两万余篇。所有医学类文章在发布之前，都会由具有执业资格的医生或药师进行审核。</p>
<p>　　我们欢迎医务工作者投稿，也欢迎读者对文章中的错误提出批评和建议。投稿及合作请发送邮件至 editor@bxjk.test，我们会在三个工作日内回复。</p>
<p>　　联系电话：010-12345678　　地址：北京市海淀区某某路18号</p>
</div>
</td></tr></table>
<div class="footer">Copyright &copy; 2008-2023 百姓健康网 版权所有</div>
</body>
</html>
""", encoding="gbk")

# 3. UTF-8 channel list page whose cards reuse the 推荐阅读 item markup --------------------
KJ_CARDS = [
    ("空腹血糖高怎么办", "/a/20240509/103102.html", "空腹血糖是反映血糖控制情况的重要指标，很多糖友发现，明明晚上没有多吃，第二天早上的空腹血糖却还是偏高，这可能与黎明现象有关…"),
    ("糖尿病人能吃水果吗？记住这三个原则", "/a/20240516/103388.html", "很多糖尿病患者一听说水果含糖，就再也不敢碰了。其实，水果富含维生素、矿物质和膳食纤维，只要血糖控制得比较平稳…"),
    ("二甲双胍要吃一辈子吗", "/a/20240521/103533.html", "二甲双胍是治疗2型糖尿病的一线药物，价格便宜、效果确切。不少患者担心长期吃药会伤肝伤肾，血糖正常以后就自行停药…"),
    ("痛风患者能喝豆浆吗", "/a/20240426/102733.html", "过去很多人认为豆制品嘌呤高，痛风患者不能吃。近年来的研究发现，豆浆、豆腐在加工过程中损失了大部分嘌呤…"),
    ("体检发现甲状腺结节怎么办", "/a/20240412/102310.html", "随着超声检查的普及，越来越多的人在体检中发现了甲状腺结节。其实绝大多数结节都是良性的，只需要定期复查…"),
]
kj_items = "\n".join(
    f'<div class="item"><a href="{h}"><img src="/static/thumb/{h[-11:-5]}.jpg" alt=""><h4>{t}</h4></a><p>{s}</p></div>'
    for t, h, s in KJ_CARDS
)
page("zh_channel_page2.html", "http://www.kangjian-daily.test/chronic/index_2.html", f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>慢病管理 - 第2页 - 康健日报</title>
<link rel="stylesheet" href="/static/css/app.8f3a1c.css">
</head>
<body class="page-list">
<header class="site-header"><a class="logo" href="/"><img src="/static/img/logo.svg" alt="康健日报"></a>
<nav class="channels"><a href="/">首页</a><a href="/bone/">骨骼关节</a><a class="on" href="/chronic/">慢病管理</a><a href="/breath/">呼吸健康</a><a href="/food/">饮食营养</a></nav></header>
<main class="container">
<div class="crumbs"><a href="/">首页</a><i>/</i><span>慢病管理</span></div>
<h1 class="channel-title">慢病管理</h1>
<p class="channel-desc">高血压、糖尿病、痛风、甲状腺疾病的日常管理与用药知识。</p>
<section class="list">
{kj_items}
</section>
<nav class="pagination"><a href="/chronic/">上一页</a><a href="/chronic/">1</a><span class="current">2</span><a href="/chronic/index_3.html">3</a><a href="/chronic/index_4.html">4</a><span>…</span><a href="/chronic/index_18.html">18</a><a href="/chronic/index_3.html">下一页</a></nav>
</main>
<footer class="site-footer"><p>© 2024 康健日报 沪ICP备20240001号-1</p></footer>
</body>
</html>
""")

# 4. UTF-8 tag page ------------------------------------------------------------------------
TAG = "失眠"
page("zh_tag.html", f"http://www.kangjian-daily.test/tag/{quote(TAG)}/", f"""<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{TAG}相关文章 - 标签 - 康健日报</title></head>
<body class="page-tag">
<header class="site-header"><a class="logo" href="/">康健日报</a><nav class="channels"><a href="/">首页</a><a href="/food/">饮食营养</a></nav></header>
<main class="container">
<div class="tag-head"><h1>标签：{TAG}</h1><p>共 36 篇文章</p></div>
<ul class="tag-list">
<li><a href="/a/20240502/102931.html">总是半夜醒来，可能是这几个原因</a><time>2024-05-02</time><p>夜里醒来一两次本来是正常现象，如果醒来以后很难再次入睡，并且第二天精神很差，就需要找一找原因了。</p></li>
<li><a href="/a/20240418/102499.html">睡前玩手机为什么会失眠</a><time>2024-04-18</time><p>手机屏幕发出的蓝光会抑制褪黑素的分泌，刷短视频又会让大脑持续兴奋，两者叠加，入睡自然就困难了。</p></li>
<li><a href="/a/20240330/101955.html">安眠药能不能长期吃</a><time>2024-03-30</time><p>安眠药可以在短期内帮助入睡，但长期服用可能产生依赖。是否需要用药、用多久，应当由医生来判断。</p></li>
<li><a href="/a/20240311/101398.html">更年期失眠怎么调理</a><time>2024-03-11</time><p>女性进入更年期以后，潮热、出汗、情绪波动都会影响睡眠，调理要从作息、饮食和情绪几方面入手。</p></li>
</ul>
<nav class="pagination"><span class="current">1</span><a href="/tag/{quote(TAG)}/2/">2</a><a href="/tag/{quote(TAG)}/3/">3</a><a href="/tag/{quote(TAG)}/2/">下一页</a></nav>
</main>
<footer class="site-footer"><p>© 2024 康健日报</p></footer>
</body>
</html>
""")

# 5. UTF-8 search results --------------------------------------------------------------------
Q = "高血压"
page("zh_search.html", f"http://www.kangjian-daily.test/search?q={quote(Q)}&page=1", f"""<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>“{Q}”的搜索结果 - 康健日报</title><meta name="robots" content="noindex"></head>
<body class="page-search">
<header class="site-header"><a class="logo" href="/">康健日报</a>
<form class="search" action="/search"><input name="q" value="{Q}"><button>搜索</button></form></header>
<main class="container">
<p class="search-summary">搜索“<em>{Q}</em>”，共找到 <b>128</b> 条相关结果，用时 0.03 秒</p>
<div class="result"><h3><a href="/a/20240315/101533.html"><em>{Q}</em>患者饮食要注意什么</a></h3><p>……除了按时服药以外，合理的饮食对控制<em>{Q}</em>有非常重要的作用。很多患者只知道要少吃盐，却不清楚其他方面同样需要注意……</p><span class="meta">慢病管理 · 2024-03-15</span></div>
<div class="result"><h3><a href="/a/20240228/101055.html">降压药什么时候吃效果最好</a></h3><p>……长效降压药一般早晨起床后服用，<em>{Q}</em>合并夜间血压升高的患者，医生可能会建议晚上服药……</p><span class="meta">慢病管理 · 2024-02-28</span></div>
<div class="result"><h3><a href="/a/20240117/100130.html">年轻人也会得<em>{Q}</em>吗</a></h3><p>……近年来，三四十岁就被诊断为<em>{Q}</em>的人越来越多，熬夜、肥胖、吃得太咸都是重要原因……</p><span class="meta">慢病管理 · 2024-01-17</span></div>
<div class="result"><h3><a href="/a/20231205/98310.html">家庭自测血压的正确方法</a></h3><p>……测量前安静休息五分钟，袖带与心脏保持同一高度，连续测量两到三次取平均值，对<em>{Q}</em>患者调整用药很有帮助……</p><span class="meta">慢病管理 · 2023-12-05</span></div>
<nav class="pagination"><span class="current">1</span><a href="/search?q={quote(Q)}&amp;page=2">2</a><a href="/search?q={quote(Q)}&amp;page=3">3</a><a href="/search?q={quote(Q)}&amp;page=2">下一页</a></nav>
</main>
</body>
</html>
""")

# 6. UTF-8 404 page with a hot list ---------------------------------------------------------
page("zh_404.html", "http://www.kangjian-daily.test/a/20230101/999999.html", """<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>404 页面不存在 - 康健日报</title>
<meta http-equiv="refresh" content="5;url=/"></head>
<body class="page-404">
<header class="site-header"><a class="logo" href="/">康健日报</a></header>
<main class="container">
<div class="err"><h1>404</h1><p>抱歉，您访问的页面不存在或已被删除。</p><p>可能是网址输入有误，或者文章已经下线。页面将在 <span id="sec">5</span> 秒后自动返回<a href="/">首页</a>。</p></div>
<section class="recommend"><h2 class="block-title">大家都在看</h2>
<div class="item"><a href="/a/20240501/102901.html"><h4>体检发现肺结节，一定是肺癌吗</h4></a><p>肺结节并不等于肺癌，绝大多数直径小于5毫米的结节都是良性的，定期复查就可以…</p></div>
<div class="item"><a href="/a/20240427/102766.html"><h4>吃完饭就犯困是血糖高吗</h4></a><p>饭后犯困是很多人都有的体验，大部分情况下是正常的生理反应，但如果伴有口渴…</p></div>
</section>
</main>
<footer class="site-footer"><p>© 2024 康健日报</p></footer>
</body>
</html>
""")

# 7. WordPress category archive ---------------------------------------------------------------
WP_POSTS = [
    ("How to Fall Back Asleep When You Wake Up at 3 a.m.", "/2024/03/02/fall-back-asleep-3am/", "March 2, 2024",
     "You went to bed at a reasonable hour, drifted off without trouble, and now the clock says 3:07. Your mind is already listing tomorrow&#8217;s meetings, and the harder you try to sleep, the more awake you feel. If this sounds familiar, you are in good company: waking once or twice in the night is normal, and most people simply don&#8217;t remember it. What matters is what happens next. The steps below come from cognitive behavioural therapy for insomnia [&hellip;]"),
    ("Magnesium for Sleep: What the Evidence Says", "/2024/02/21/magnesium-for-sleep/", "February 21, 2024",
     "Magnesium supplements are everywhere on social media, promising deeper sleep and calmer nights. The mineral does play a part in how nerves and muscles relax, and people who are genuinely low in it may sleep better once the deficiency is corrected. For everyone else, the research is thin: a handful of small trials, mostly in older adults, with modest results at best. Before you buy a tub, here is what we actually know [&hellip;]"),
    ("Why You Feel Tired Even After Eight Hours of Sleep", "/2024/01/30/tired-after-eight-hours/", "January 30, 2024",
     "Eight hours in bed is not the same as eight hours of good sleep. Snoring and sleep apnoea break sleep into pieces without waking you fully, alcohol in the evening suppresses the deepest stages, and an irregular schedule confuses your body clock. Low iron, an underactive thyroid and depression can all cause tiredness that no amount of sleep will fix [&hellip;]"),
    ("Is Melatonin Safe to Take Every Night?", "/2023/12/12/melatonin-every-night/", "December 12, 2023",
     "Melatonin is sold next to vitamins in most pharmacies, but it is a hormone, and the dose in many products is far higher than the body makes on its own. Short-term use for jet lag is well studied and generally safe. Nightly use for months is another matter, especially for children, and the quality of supplements varies widely from brand to brand [&hellip;]"),
]
wp_posts = "\n".join(
    f'<article class="post type-post status-publish format-standard hentry category-sleep entry">'
    f'<header class="entry-header"><h2 class="entry-title default-max-width"><a href="{h}">{t}</a></h2></header>'
    f'<div class="entry-content"><p>{ex}</p><div class="more-link-container"><a class="more-link" href="{h}">Continue reading <span class="screen-reader-text">{t}</span></a></div></div>'
    f'<footer class="entry-footer default-max-width"><span class="posted-on">Published <time class="entry-date published">{d}</time></span></footer></article>'
    for t, h, d, ex in WP_POSTS
)
page("en_category.html", "http://wellnessnotes.test/category/sleep/", f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>Sleep &#8211; Wellness Notes</title>
<meta name="robots" content="max-image-preview:large">
</head>
<body class="archive category category-sleep category-4">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Wellness Notes</a></p>
<nav class="primary-navigation"><ul><li><a href="/">Home</a></li><li><a href="/category/sleep/">Sleep</a></li><li><a href="/category/movement/">Movement</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<header class="page-header alignwide"><h1 class="page-title">Category: <span>Sleep</span></h1>
<div class="archive-description"><p>Practical, evidence-based advice for falling asleep, staying asleep and waking up rested.</p></div></header>
{wp_posts}
<nav class="navigation pagination" aria-label="Posts"><h2 class="screen-reader-text">Posts navigation</h2><div class="nav-links"><span aria-current="page" class="page-numbers current">1</span><a class="page-numbers" href="/category/sleep/page/2/">2</a><a class="page-numbers" href="/category/sleep/page/3/">3</a><a class="next page-numbers" href="/category/sleep/page/2/">Older posts</a></div></nav>
</main></div>
<footer id="colophon" class="site-footer"><div class="powered-by">Proudly powered by <a href="/wordpress/">WordPress</a>.</div></footer>
</div>
</body>
</html>
""")

# 8. WordPress search results --------------------------------------------------------------
page("en_search.html", "http://wellnessnotes.test/?s=back+pain", """<!DOCTYPE html>
<html lang="en-US">
<head><meta charset="UTF-8"><title>Search Results for &#8220;back pain&#8221; &#8211; Wellness Notes</title><meta name="robots" content="noindex, follow"></head>
<body class="search search-results">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Wellness Notes</a></p></header>
<main id="main" class="site-main">
<header class="page-header alignwide"><h1 class="page-title">Results for &#8220;<span class="page-description search-term">back pain</span>&#8221;</h1></header>
<div class="search-result-count default-max-width">We found 3 results for your search.</div>
<article class="post entry"><header class="entry-header"><h2 class="entry-title"><a href="/2024/03/09/stretches-lower-back-pain/">5 Gentle Stretches for Lower Back Pain</a></h2></header>
<div class="entry-content"><p>Most lower back pain is mechanical: it comes from stiff joints, tired muscles and long hours in one position rather than from serious disease. Gentle movement usually helps it settle faster than bed rest. These five stretches take about ten minutes [&hellip;]</p></div></article>
<article class="post entry"><header class="entry-header"><h2 class="entry-title"><a href="/2024/02/02/desk-setup-back/">How to Set Up Your Desk to Protect Your Back</a></h2></header>
<div class="entry-content"><p>A few changes to the height of your chair and screen can take a surprising amount of strain off your lower back. Start with your feet flat on the floor and your hips slightly higher than your knees, then raise the screen until the top is level with your eyes [&hellip;]</p></div></article>
<article class="post entry"><header class="entry-header"><h2 class="entry-title"><a href="/2023/10/18/heat-or-ice-back-pain/">Heat or Ice for Back Pain?</a></h2></header>
<div class="entry-content"><p>Both can help, but they do different jobs. As a rule, ice calms a fresh injury in the first two days, while heat relaxes stiff muscles and eases the long, dull ache that comes afterwards. Never put either directly on bare skin [&hellip;]</p></div></article>
</main>
<footer class="site-footer"><div class="powered-by">Proudly powered by <a href="/wordpress/">WordPress</a>.</div></footer>
</body>
</html>
""")

# 9. News site about page: long prose under unnumbered <h2>s ---------------------------------
page("en_about.html", "http://www.healthwire-news.test/about", """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>About us | Healthwire</title>
<meta property="og:type" content="website"><meta property="og:title" content="About Healthwire"></head>
<body class="template-page">
<header class="masthead"><a class="masthead__logo" href="/">Healthwire</a>
<nav class="masthead__nav"><a href="/health/heart/">Heart</a><a href="/health/brain/">Brain</a><a href="/health/infections/">Infections</a></nav></header>
<main class="layout layout--page">
<h1>About Healthwire</h1>
<p>Healthwire is an independent health news site founded in 2015 by a group of journalists and doctors who were tired of sensational headlines about miracle cures and deadly foods. Every month more than four million readers come to us for clear, accurate reporting on medicine, nutrition and wellbeing.</p>
<h2>Our mission</h2>
<p>We believe that good health decisions start with good information. Our reporters explain new research in plain language, put single studies in the context of everything else we know, and say clearly when the evidence is weak. We never accept payment for coverage, and advertising is kept strictly separate from our editorial work.</p>
<h2>How we make our content</h2>
<p>Every article is researched and written by a professional journalist, checked by an editor, and reviewed by a licensed clinician before it is published. We link to the studies and guidelines we rely on, and we update articles when the evidence changes. If you spot an error, write to corrections@healthwire-news.test and we will look into it within two working days.</p>
<h2>Our medical review board</h2>
<p>Our board includes more than forty physicians, pharmacists, dietitians and nurses from a wide range of specialties. Reviewers check each article for accuracy and balance and make sure it reflects current clinical practice. They are paid for their time but have no say over which topics we cover.</p>
<p><a href="/careers">Work with us</a> · <a href="/contact">Contact the newsroom</a></p>
</main>
<footer class="site-footer"><p><a href="/about">About</a> · <a href="/privacy">Privacy Policy</a></p><p>© 2024 Healthwire Media Inc. All rights reserved.</p></footer>
</body>
</html>
""")

# 10. News site login -------------------------------------------------------------------------
page("en_login.html", "http://www.healthwire-news.test/account/login?next=%2Fnewsletters%2F", """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in | Healthwire</title><meta name="robots" content="noindex"></head>
<body class="template-account">
<header class="masthead"><a class="masthead__logo" href="/">Healthwire</a></header>
<main class="account">
<h1>Sign in to your account</h1>
<p>Sign in to manage your newsletters and saved articles.</p>
<form action="/account/login" method="post">
<label for="email">Email address</label><input type="email" id="email" name="email" required>
<label for="password">Password</label><input type="password" id="password" name="password" required>
<label><input type="checkbox" name="remember"> Keep me signed in</label>
<button type="submit">Sign in</button>
</form>
<p><a href="/account/forgot">Forgot your password?</a></p>
<p>New to Healthwire? <a href="/account/register">Create a free account</a></p>
</main>
<footer class="site-footer"><p>© 2024 Healthwire Media Inc. All rights reserved.</p></footer>
</body>
</html>
""")

# 11. News site tag page ----------------------------------------------------------------------
page("en_tag.html", "http://www.healthwire-news.test/tags/vitamin-d", """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Vitamin D: latest news and advice | Healthwire</title></head>
<body class="template-tag">
<header class="masthead"><a class="masthead__logo" href="/">Healthwire</a></header>
<main class="layout">
<h1 class="tag-title">Vitamin D</h1>
<p class="tag-desc">The latest research on the sunshine vitamin, from bone health to immunity.</p>
<ul class="card-list">
<li class="card"><a class="card__title" href="/health/nutrition/vitamin-d-winter-20240110">Should you take vitamin D in winter?</a><p class="card__dek">Between October and March the sun is too weak in northern countries for the skin to make enough vitamin D, which is why many health agencies advise a daily supplement.</p><span class="card__meta">By Priya Raman · January 10, 2024</span></li>
<li class="card"><a class="card__title" href="/health/nutrition/vitamin-d-overdose-20231115">Yes, you can take too much vitamin D</a><p class="card__dek">High-dose supplements taken for months can raise calcium in the blood to dangerous levels. Doctors explain how much is safe.</p><span class="card__meta">By Mark Ellison · November 15, 2023</span></li>
<li class="card"><a class="card__title" href="/health/aging/vitamin-d-falls-20231003">Vitamin D and falls: what the big trials found</a><p class="card__dek">For years older adults were told that vitamin D would keep them on their feet. Large studies now suggest the benefit is smaller than hoped.</p><span class="card__meta">By Jane Doe · October 3, 2023</span></li>
</ul>
<button class="load-more" data-page="2">Load more stories</button>
</main>
<footer class="site-footer"><p>© 2024 Healthwire Media Inc. All rights reserved.</p></footer>
</body>
</html>
""")

# 12. Plain site contact form ---------------------------------------------------------------
page("en_contact.html", "http://www.healthtips-plain.test/contact.html", """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Contact us - Health Tips</title>
</head>
<body bgcolor="#FFFFFF">
<table width="960" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="menu"><a href="/">Home</a> | <a href="/html/women/">Women's health</a> | <a href="/html/nerves/">Nerves and brain</a></td></tr>
<tr><td class="loc">Current location: <a href="/">Home</a> &gt; Contact us</td></tr>
<tr><td valign="top">
<h1>Contact us</h1>
If you have a question about an article, have found a mistake, or would like to suggest a topic, please fill in the form below. We read every message, but we cannot give personal medical advice. If you are unwell, please contact your own doctor.<br><br>
<form action="/plus/guestbook.php" method="post">
Your name: <input type="text" name="uname"><br><br>
Email: <input type="text" name="email"><br><br>
Subject: <select name="subject"><option>A question about an article</option><option>Report a mistake</option><option>Advertising</option></select><br><br>
Message:<br><textarea name="msg" rows="8" cols="60"></textarea><br><br>
<input type="submit" value="Send message"> <input type="reset" value="Clear">
</form>
</td></tr>
<tr><td class="foot" align="center">Copyright &copy; 2012-2019 Health Tips. All rights reserved.</td></tr>
</table>
</body>
</html>
""")

# 13. Joomla 404 on the mojibake site (itself carrying mojibake) ----------------------------
page("en_404.html", "http://www.dailyremedy.test/remedies/garlic-cures-colds.html", """<!DOCTYPE html>
<html lang="en-gb" dir="ltr">
<head><meta charset="utf-8"><title>404 - Page not found</title></head>
<body class="site error">
<div class="container">
<h1 class="page-header">Page not found</h1>
<div class="well">
<p><strong>You may not be able to visit this page because of:</strong></p>
<ol>
<li>an <strong>out-of-date bookmark/favourite</strong></li>
<li>a mistyped address</li>
<li>a search engine that has an out-of-date listing for this site</li>
<li>you have <strong>no access</strong> to this page</li>
</ol>
<p>Please try one of the following pages: <a href="/">Home Page</a></p>
<p>If difficulties persist, please contact the website administrator and report the error below. We&acirc;&euro;&trade;re sorry for the inconvenience.</p>
<blockquote><span class="label label-inverse">404</span> Article not found</blockquote>
</div>
</div>
</body>
</html>
""")


def main() -> None:
    pages = {
        file: (html, {"url": url, "encoding": encoding, "article": False})
        for file, (url, encoding, html) in PAGES.items()
    }
    write_template(HERE, pages)


if __name__ == "__main__":
    main()
