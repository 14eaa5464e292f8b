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
rnd=random.Random(1)
divs=["500103","500104","500105","500106","500107","500108","500112","500111"]
seen=set()
with open(out,"w",encoding="utf-8",newline="") as f:
    f.write("行政相对人名称,行政相对人编码,检查地址,检查联系电话,所属区县,行政相对人性质,行政区划代码,信用风险分类,行业大类\r\n")
    i=0
    while i<N:
        d=rnd.choice(divs); body="MA"+"".join(rnd.choice(CH) for _ in range(6))
        p17="91"+d+body+orgcheck(body); code=p17+uscc(p17)
        if code in seen: continue
        seen.add(code); i+=1
        f.write(f"重庆测试{i}号机械有限公司,{code},重庆市某区某街道{i}号,023-6{i%10000000:07d},,企业,{d},{'ABCD'[i%4]},34\r\n")
