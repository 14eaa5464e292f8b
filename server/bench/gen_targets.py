#!/usr/bin/env python3
"""A B.1 targets CSV of N rows with valid, distinct USCCs (GB 32100), for `scripts/bench import`.

Usage: gen_targets.py N OUT.csv   (deterministic: the same N gives the same file)
"""
import sys, random
N=int(sys.argv[1]); out=sys.argv[2]
CH="0123456789ABCDEFGHJKLMNPQRTUWXY"
W=[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
OW=[3,7,9,10,5,8,4,2]
def orgcheck(b):
    s=sum((int(c) if c.isdigit() else ord(c)-55)*w for c,w in zip(b,OW)); r=11-s%11
    return 'X' if r==10 else '0' if r==11 else str(r)
def uscc(p17):
    s=sum(CH.index(c)*w for c,w in zip(p17,W)); return CH[(31-s%31)%31]
# Names as firms choose them (two words, a trade, a legal form), so that a name search meets
# the spread of characters real names have; many names repeat, as in a real directory.
WORDS=["天府","云海","长江","嘉陵","山城","渝新","巴渝","鑫源","华宇","恒通","金桥","宏达","德润",
       "博远","锦程","瑞丰","新元","众诚","合力","永盛","东方","西部","北辰","南岸","腾飞","远航",
       "汇智","启明","正信","中科","弘毅","兴隆","智达","国泰","安顺","鼎盛","利民","聚贤","和美","宝丰"]
TRADES=["机械","电子","汽车配件","化工","食品","建材","家具","纺织","医药","通信设备","印刷","包装",
        "五金","塑料制品","电器","仪器仪表"]
FORMS=["有限公司","有限公司","有限责任公司","股份有限公司","制造有限公司","科技有限公司"]
# "MB": the demo's codes begin "MA", so a bench file never repeats a code the demo stored.
rnd=random.Random(1)
divs=["500103","500104","500105","500106","500107","500108","500112","500111"]
seen=set()
with open(out,"w",encoding="utf-8",newline="") as f:
    f.write("行政相对人名称,行政相对人编码,检查地址,检查联系电话,所属区县,行政相对人性质,行政区划代码,信用风险分类,行业大类\r\n")
    i=0
    while i<N:
        d=rnd.choice(divs); body="MB"+"".join(rnd.choice(CH) for _ in range(6))
        p17="91"+d+body+orgcheck(body); code=p17+uscc(p17)
        if code in seen: continue
        seen.add(code); i+=1
        name="重庆"+rnd.choice(WORDS)+rnd.choice(WORDS)+rnd.choice(TRADES)+rnd.choice(FORMS)
        f.write(f"{name},{code},重庆市某区某街道{i}号,023-6{i%10000000:07d},,企业,{d},{'ABCD'[i%4]},34\r\n")
