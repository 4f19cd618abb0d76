"""cn_gbk_portal: an old DedeCMS-style Chinese health portal, pages stored in GBK.

    python tests/corpus/cn_gbk_portal/build.py

Table layout, `一、` headings in <p><strong>, full-width paragraph indents, 来源/时间 line,
当前位置 breadcrumb, 上一篇/下一篇 (with "没有了" when absent), 相关推荐 as
<li><a>title</a><span>snippet...</span></li>, 责任编辑 line, 热门文章 sidebar, copyright.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from handlib import Article, esc, expected_article, write_template  # noqa: E402

BASE = "http://www.bxjk.test/"
CN_NUM = "一二三四五六七八九十"
INDENT = "\u3000\u3000"

SIDEBAR_HOT = [
    ("夏季如何预防中暑？记住这五个要点", "/jiankang/yangsheng/20230701/9012.html"),
    ("经常熬夜的危害有多大", "/jiankang/shuimian/20230305/8701.html"),
    ("体检报告里的“箭头”该怎么看", "/jiankang/jiancha/20230222/8650.html"),
    ("老人便秘怎么办", "/jiankang/laoren/20230118/8533.html"),
    ("早餐吃什么最健康", "/jiankang/yinshi/20221230/8490.html"),
]

BOILER = ["当前位置", "责任编辑", "来源：", "版权所有", "热门文章", "上一篇", "下一篇",
          "相关推荐", "夏季如何预防中暑", "ICP备", "网站地图", "点击：", "分隔线", "挑错",
          "不能作为诊断及医疗的依据"]

ARTICLES = [
    Article(
        file="8812.html",
        path="/jiankang/shuimian/20230412/8812.html",
        title="失眠的原因有哪些？这四个方面要注意",
        extra={"column": ("睡眠健康", "/jiankang/shuimian/"), "date": "2023-04-12 09:31",
               "editor": "刘洋", "author": "王晓燕", "aid": 8812},
        intro=[
            "失眠是现代人最常见的睡眠问题之一，主要表现为入睡困难、夜间容易醒来、醒后难以再次入睡或者早醒。偶尔一两晚睡不好并不可怕，但如果每周有三个晚上以上睡不好，并且持续一个月以上，就会影响白天的精神状态、工作效率和情绪。",
            "那么，失眠究竟是由哪些原因引起的呢？一般来说，可以从下面四个方面来找原因。",
        ],
        sections=[
            ("精神心理因素", [
                "工作压力大、考试前紧张、家庭关系不和睦等都会让人在睡前思绪万千，大脑一直处于兴奋状态，难以进入睡眠。长期的焦虑和抑郁情绪也是慢性失眠最重要的原因之一。很多人越是担心自己睡不着，越是躺在床上反复看时间，结果反而更加清醒，形成恶性循环。",
                "对于这类失眠，首先要学会调整心态，睡前一小时放下手机和工作，可以听一些舒缓的音乐或者用温水泡脚。如果情绪问题已经持续很久，应当及时到医院的心理科或睡眠门诊就诊，不要自行长期服用安眠药。",
            ]),
            ("不良的生活习惯", [
                "生活习惯对睡眠的影响往往被人们忽视。下面这些常见的习惯都会干扰正常的睡眠节律：",
                ("ul", [
                    "睡前喝浓茶、咖啡或者含咖啡因的饮料；",
                    "晚餐吃得过饱，或者睡前大量饮酒；",
                    "周末长时间补觉，打乱了平时的作息；",
                    "躺在床上玩手机、看电视甚至办公。",
                ]),
                "酒精虽然能让人较快入睡，但会让后半夜的睡眠变浅，容易早醒。想要改善睡眠，最好每天在固定的时间起床，即使前一晚没有睡好，也不要赖床太久，白天午睡不宜超过半小时。",
            ]),
            ("身体疾病的影响", [
                "很多躯体疾病都会引起失眠，例如甲状腺功能亢进、胃食管反流、慢性疼痛、夜尿增多以及睡眠呼吸暂停综合征等。更年期女性由于体内激素水平的变化，常常出现潮热、出汗，也容易在夜间醒来。这类失眠如果只靠安眠药，效果往往不理想，需要先把原发病治好。",
            ]),
            ("环境因素", [
                "卧室的光线、噪音和温度都会影响睡眠质量。一般来说，卧室温度保持在18到22摄氏度比较合适，窗帘最好能够遮光。倒班工作、经常出差倒时差的人，生物钟容易紊乱，也更容易失眠。可以在白天多晒太阳，晚上尽量减少强光照射，帮助身体重新建立规律的作息。",
            ]),
        ],
        prev=("经常熬夜的危害有多大", "/jiankang/shuimian/20230305/8701.html"),
        next=("午睡多长时间最合适", "http://www.bxjk.test/jiankang/shuimian/20230418/8826.html"),
        related=[
            ("睡前喝牛奶真的能助眠吗", "/jiankang/shuimian/20230210/8612.html",
             "很多人都听说过睡前喝一杯热牛奶可以帮助睡眠，牛奶中含有色氨酸..."),
            ("打呼噜是睡得香吗？小心睡眠呼吸暂停", "/jiankang/shuimian/20230117/8529.html",
             "不少人认为打呼噜说明睡得沉、睡得香，其实严重的打鼾可能是..."),
            ("长期吃安眠药有哪些副作用", "/jiankang/yongyao/20221208/8431.html",
             "安眠药能在短时间内改善睡眠，但长期服用可能出现依赖、白天..."),
            ("更年期失眠怎么调理", "/jiankang/nvxing/20221120/8387.html",
             "女性进入更年期以后，卵巢功能逐渐衰退，雌激素水平下降，很多..."),
            ("每天睡几个小时才算够", "/jiankang/shuimian/20221015/8302.html",
             "睡眠时间并不是越长越好，不同年龄段的人对睡眠的需求并不一样..."),
        ],
        must_not_contain=[*BOILER, "睡前喝牛奶真的能助眠吗", "牛奶中含有色氨酸", "王晓燕"],
        must_contain=["周末长时间补觉，打乱了平时的作息；\n躺在床上玩手机", "帮助身体重新建立规律的作息。"],
    ),
    Article(
        file="8830.html",
        path="/jiankang/xinxueguan/20230415/8830.html",
        title="高血压患者饮食要注意什么",
        extra={"column": ("心脑血管", "/jiankang/xinxueguan/"), "date": "2023-04-15 14:05",
               "editor": "陈静", "author": "本站编辑", "aid": 8830},
        intro=[
            "高血压是一种常见的慢性病，我国成年人中大约每四个人就有一个患有高血压。除了按时服药以外，合理的饮食对控制血压有非常重要的作用。很多患者只知道要少吃盐，却不清楚其他方面同样需要注意。下面就来具体说一说。",
        ],
        sections=[
            ("控制食盐的摄入", [
                "世界卫生组织建议成年人每天的食盐摄入量不超过5克，而我国居民的实际摄入量普遍偏高。除了炒菜时少放盐，还要警惕酱油、咸菜、腊肉、方便面等“隐形盐”。做菜时可以用醋、柠檬汁、葱姜蒜来调味，慢慢适应清淡的口味，一般两到三周以后就不会觉得饭菜没有味道了。",
            ]),
            ("多吃富含钾的食物", [
                "钾可以帮助身体排出多余的钠，对降低血压有好处。新鲜的蔬菜、水果、豆类和薯类都是钾的良好来源。下面是几种常见食物的含钾量，供大家参考：",
                ("table", [
                    ["食物", "每100克含钾量（毫克）", "建议吃法"],
                    ["香蕉", "256", "每天一根即可"],
                    ["菠菜", "311", "焯水后凉拌或清炒"],
                    ["土豆", "342", "代替部分主食"],
                    ["黄豆", "1503", "做成豆浆或豆腐"],
                ]),
                "需要提醒的是，合并肾功能不全的患者排钾能力下降，血钾容易偏高，补钾之前一定要先咨询医生，不要自行大量食用高钾食物或者服用含钾的代盐。",
            ]),
            ("减少油脂和胆固醇", [
                "肥肉、动物内脏、油炸食品中含有较多的饱和脂肪和胆固醇，长期大量食用会加重动脉硬化，使血压更难控制。烹调时尽量选择蒸、煮、炖、凉拌的方式，每人每天的烹调油最好控制在25到30克。可以适当吃一些鱼类和坚果，但坚果热量较高，每天一小把就够了。",
            ]),
            ("戒烟限酒", [
                "吸烟会使血管收缩、心跳加快，每吸一支烟，血压都会短暂升高。饮酒同样会升高血压，还会削弱降压药的效果。高血压患者最好彻底戒烟，尽量不喝酒。确实需要应酬的时候，也要少量饮用，千万不要空腹喝酒。",
            ]),
            ("保持合适的体重", [
                "体重每减少10公斤，收缩压大约可以下降5到20毫米汞柱。超重和肥胖的患者可以从减少主食和零食、增加运动开始，每周进行至少150分钟中等强度的有氧运动，比如快走、游泳、骑自行车。减重的速度不宜过快，每个月减一到两公斤比较合适。",
            ]),
        ],
        prev=("冬季心脑血管疾病为什么高发", "/jiankang/xinxueguan/20230103/8502.html"),
        next=None,
        related=[
            ("降压药什么时候吃效果最好", "/jiankang/yongyao/20230311/8722.html",
             "降压药的服用时间有讲究，一般来说，长效降压药早晨起床后服用..."),
            ("血压高的人能喝茶吗", "/jiankang/xinxueguan/20230226/8671.html",
             "茶是很多中国人离不开的饮品，不少高血压患者也有喝茶的习惯..."),
            ("家庭自测血压的正确方法", "/jiankang/jiancha/20230109/8515.html",
             "在家里测量血压可以更好地了解血压的波动情况，但测量方法不..."),
        ],
        must_not_contain=[*BOILER, "降压药什么时候吃效果最好", "本站编辑"],
        must_contain=["香蕉 | 256 | 每天一根即可", "黄豆 | 1503 | 做成豆浆或豆腐",
                      "补钾之前一定要先咨询医生"],
    ),
    Article(
        file="8857.html",
        path="/jiankang/ertong/20230420/8857.html",
        title="孩子发烧了怎么办？家长要做好这几点",
        extra={"column": ("育儿", "/jiankang/ertong/"), "date": "2023-04-20 08:47",
               "editor": "赵敏", "author": "李卫东", "aid": 8857},
        intro=[
            "发烧是儿童最常见的症状之一，几乎每个孩子都发过烧。看到孩子小脸通红、浑身发烫，很多家长都会十分着急，甚至半夜抱着孩子往医院跑。",
            "其实，发烧本身是身体抵抗感染的一种反应，并不都是坏事。家长需要做的是正确判断病情，让孩子舒服一些，同时留意需要就医的信号。",
        ],
        sections=[
            ("正确测量体温", [
                "给孩子测体温，最好使用电子体温计或者耳温枪。测腋下温度时，要先擦干腋窝的汗，让体温计紧贴皮肤，夹紧5分钟左右。一般来说，腋下温度超过37.3℃就算发烧，超过39℃属于高烧。刚喝完热水、刚哭闹或者刚洗完澡时测量，结果会偏高，最好休息半小时以后再测。",
            ]),
            ("什么时候需要用退烧药", [
                "如果孩子体温超过38.5℃，或者虽然没有到这个温度但明显不舒服、哭闹不安，就可以使用退烧药。常用的儿童退烧药有对乙酰氨基酚和布洛芬两种，不要两种药交替使用，也不要同时服用含有相同成分的感冒药。对乙酰氨基酚的参考用量见下表：",
                ("table", [
                    ["体重", "单次剂量", "每日最多"],
                    ["10公斤", "100～150毫克", "4次"],
                    ["15公斤", "150～225毫克", "4次"],
                    ["20公斤", "200～300毫克", "4次"],
                ]),
                "以上剂量按每公斤体重10～15毫克计算，两次用药至少间隔4小时，仅供参考，具体用量请以药品说明书或医生的建议为准。",
            ]),
            ("物理降温的方法", [
                "发烧时可以让孩子多喝温水，穿宽松透气的衣服，室内保持通风，温度不要太高。以前常用的捂汗退烧并不可取，尤其是小婴儿，捂得太厚可能引起“捂热综合征”，非常危险。可以用温水给孩子擦擦脖子、腋下和大腿根部，帮助散热。",
                ("box", "<strong>温馨提示：</strong>不要给孩子用酒精擦身，酒精可以通过皮肤被吸收，容易引起中毒；也不要用冰水擦浴，以免孩子寒战，反而使体温升高。"),
            ]),
            ("出现这些情况要及时就医", [
                "大部分发烧在三天左右会好转，但如果出现下面的情况，应当尽快带孩子去医院：",
                ("ul", [
                    "3个月以下的婴儿出现发烧；",
                    "发烧超过3天仍然没有好转；",
                    "精神很差、嗜睡，叫醒后很快又睡着；",
                    "出现抽搐、呼吸急促、皮肤出现皮疹；",
                    "频繁呕吐，小便明显减少。",
                ]),
            ]),
        ],
        prev=None,
        next=("宝宝咳嗽有痰怎么办", "/jiankang/ertong/20230426/8871.html"),
        related=[
            ("儿童退烧药怎么选", "/jiankang/ertong/20230302/8690.html",
             "孩子发烧时，家长最关心的就是用什么药退烧。目前儿童常用的..."),
            ("孩子反复发烧是什么原因", "/jiankang/ertong/20230214/8633.html",
             "有的孩子退烧以后没过两天又烧起来了，家长非常担心，这种..."),
            ("高热惊厥的家庭急救方法", "/jiankang/jijiu/20221109/8355.html",
             "高热惊厥多发生在6个月到5岁的孩子身上，发作时孩子会突然..."),
            ("手足口病有哪些早期症状", "/jiankang/ertong/20220608/7920.html",
             "手足口病是婴幼儿的常见传染病，每年春夏季节是高发期，早期..."),
        ],
        must_not_contain=[*BOILER, "儿童退烧药怎么选", "李卫东"],
        must_contain=["温馨提示：不要给孩子用酒精擦身", "15公斤 | 150～225毫克 | 4次",
                      "仅供参考，具体用量请以药品说明书或医生的建议为准",
                      "3个月以下的婴儿出现发烧；"],
    ),
    Article(
        file="9120.html",
        path="/jiankang/yangsheng/20230918/9120.html",
        title="秋季养生要注意哪些问题",
        extra={"column": ("养生保健", "/jiankang/yangsheng/"), "date": "2023-09-18 10:12",
               "editor": "张敏", "author": "本站综合", "aid": 9120, "bold": "b"},
        intro=[
            "立秋以后，天气逐渐由热转凉，早晚温差变大，空气也变得干燥。人体经过一个夏天的消耗，抵抗力相对较弱，如果不注意调养，很容易出现感冒、咳嗽、腹泻等问题。秋季养生可以从以下几个方面入手。",
        ],
        sections=[
            ("注意防燥润肺", [
                "秋天空气湿度低，很多人会感到口干、咽干、皮肤干燥，甚至出现干咳。平时要多喝温开水，可以适当吃一些梨、百合、银耳、山药等滋润的食物。少吃辛辣、烧烤和油炸食品，以免加重燥热的感觉。室内可以放一台加湿器，把湿度保持在40%到60%之间。",
            ]),
            ("适时增减衣物", [
                "民间有“春捂秋冻”的说法，意思是秋天不要一降温就马上穿得很厚，适当接受一些凉意，可以提高身体对寒冷的适应能力。但是“秋冻”也要因人而异，老人、儿童和患有慢性病的人体质较弱，应当根据天气及时添加衣服，尤其要注意腹部、脚部的保暖。",
            ]),
            ("保证充足的睡眠", [
                "秋季昼短夜长，正是调整作息的好时机。建议晚上11点以前入睡，早上6点到7点起床，中午可以小睡20分钟左右。睡眠充足有助于恢复体力，增强免疫力。睡前不要进行剧烈运动，也不要看太刺激的影视节目。",
            ]),
            ("坚持适量运动", [
                "秋高气爽，非常适合户外运动。散步、慢跑、打太极拳、登山都是不错的选择。运动量以身体微微出汗、第二天不感到疲劳为宜。早晨气温较低，老年人不宜过早出门锻炼，可以等太阳出来以后再去，运动前要做好热身活动。",
            ]),
        ],
        prev=("夏季如何预防中暑？记住这五个要点", "/jiankang/yangsheng/20230701/9012.html"),
        next=("立冬以后吃什么好", "/jiankang/yangsheng/20231108/9233.html"),
        related=[],
        must_not_contain=[*BOILER[:6], "相关推荐", "ICP备", "本站综合"],
        must_contain=["室内可以放一台加湿器，把湿度保持在40%到60%之间。",
                      "运动前要做好热身活动。"],
    ),
]


def render_block(block) -> str:
    if isinstance(block, str):
        return f"<p>{INDENT}{block}</p>"
    kind, body = block
    if kind == "ul":
        return "<ul>" + "".join(f"<li>{i}</li>" for i in body) + "</ul>"
    if kind == "table":
        rows = []
        for n, row in enumerate(body):
            tag = "th" if n == 0 else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in row) + "</tr>")
        return ('<table width="90%" border="1" cellpadding="4" cellspacing="0" align="center">'
                + "\n".join(rows) + "</table>")
    if kind == "box":
        return f'<div class="tip" style="border:1px dashed #f90;padding:8px">{body}</div>'
    raise ValueError(kind)


def render(a: Article) -> str:
    col_name, col_href = a.extra["column"]
    tag = a.extra.get("bold", "strong")
    body = [render_block(b) for b in a.intro]
    for i, (heading, blocks) in enumerate(a.sections):
        body.append(f"<p><{tag}>{CN_NUM[i]}、{heading}</{tag}></p>")
        body.extend(render_block(b) for b in blocks)
    body.append(f"<p>（责任编辑：{a.extra['editor']}）</p>")
    prev = (f'<a href="{a.prev[1]}">{esc(a.prev[0])}</a>' if a.prev else "没有了")
    nxt = (f'<a href="{a.next[1]}">{esc(a.next[0])}</a>' if a.next else "没有了")
    related = ""
    if a.related:
        items = "\n".join(
            f'<li><a href="{h}" target="_blank">{esc(t)}</a><span>{esc(s)}</span></li>'
            for t, h, s in a.related
        )
        related = f'<div class="xgtj"><div class="tit"><b>相关推荐</b></div>\n<ul>\n{items}\n</ul></div>'
    hot = "\n".join(f'<li><a href="{h}" title="{esc(t)}">{esc(t)}</a></li>' for t, h in SIDEBAR_HOT)
    desc = description(a)
    nl = "\n"
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{esc(a.title)}_{col_name}_百姓健康网</title>
<meta name="keywords" content="{",".join(a.meta["tags"])}">
<meta name="description" content="{esc(desc)}">
<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css">
<script language="javascript" type="text/javascript" src="/include/dedeajax2.js"></script>
</head>
<body>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" class="top">
<tr><td width="260"><a href="/"><img src="/templets/default/images/logo.gif" alt="百姓健康网" border="0"></a></td>
<td class="topnav"><a href="/">首页</a> | <a href="/jiankang/">健康资讯</a> | <a href="/jiankang/yangsheng/">养生保健</a> | <a href="/jiankang/ertong/">育儿</a> | <a href="/jiankang/xinxueguan/">心脑血管</a> | <a href="/zhuanti/">专题</a> | <a href="/ask/">问医生</a></td></tr>
</table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" class="main">
<tr>
<td width="680" valign="top" class="left">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/jiankang/">健康</a> &gt; <a href="{col_href}">{col_name}</a> &gt; 正文</div>
<div class="viewbox">
<div class="title"><h2>{esc(a.title)}</h2></div>
<div class="info"><small>时间:</small>{a.extra['date']}<small>来源：</small>百姓健康网 <small>作者:</small>{a.extra['author']} <small>点击：</small><script src="/plus/count.php?view=yes&amp;aid={a.extra['aid']}&amp;mid=1" type="text/javascript" language="javascript"></script>次</div>
<div class="content">
<table width="100%"><tr><td>
{nl.join(body)}
</td></tr></table>
</div>
<div class="boxoff"><strong>------分隔线----------------------------</strong></div>
<div class="handle">
<div class="context">
<ul>
<li>上一篇：{prev}</li>
<li>下一篇：{nxt}</li>
</ul>
</div>
<div class="actbox"><ul><li id="act-fav"><a href="/plus/stow.php?aid={a.extra['aid']}">收藏</a></li><li id="act-err"><a href="/plus/erraddsave.php?aid={a.extra['aid']}">挑错</a></li><li id="act-pus"><a href="/plus/recommend.php?aid={a.extra['aid']}">推荐</a></li><li id="act-pnt"><a href="#" onClick="window.print();">打印</a></li></ul></div>
</div>
</div>
{related}
</td>
<td width="10"></td>
<td width="290" valign="top" class="right">
<div class="box"><div class="tit"><b>热门文章</b></div>
<ul class="hot">
{hot}
</ul></div>
<div class="box ad"><a href="/plus/ad_js.php?aid=3"><img src="/uploads/allimg/ad/300x250.jpg" alt="广告" width="290"></a></div>
</td>
</tr>
</table>
<div class="footer">
<a href="/about.html">关于我们</a> | <a href="/contact.html">联系我们</a> | <a href="/mianze.html">免责声明</a> | <a href="/sitemap.html">网站地图</a><br>
Copyright &copy; 2008-2023 百姓健康网 版权所有 &nbsp; 京ICP备08012345号<br>
本站所有文章仅供参考，不能作为诊断及医疗的依据。
</div>
</body>
</html>
"""


def meta_of(a: Article) -> dict:
    """What the page states: the info line's 时间 (no zone: UTC) and 作者, the keywords and
    description metas, the 当前位置 trail without 首页 and 正文 (which stands for the
    article itself). 责任编辑 is the editor, not an author; 来源 is the site."""
    x = a.extra
    col_name = x["column"][0]
    return {
        "published": x["date"],
        "authors": [x["author"]],
        "tags": [col_name, "健康", "养生"],
        "categories": ["健康", col_name],
        "description": description(a),
    }


def description(a: Article) -> str:
    return a.intro[0][:60]


def main() -> None:
    for a in ARTICLES:
        a.meta = meta_of(a)
    pages = {a.file: (render(a), expected_article(a, BASE, "gbk", "zh")) for a in ARTICLES}
    write_template(HERE, pages)


if __name__ == "__main__":
    main()
