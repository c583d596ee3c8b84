#!/usr/bin/env python3
# usage: make_corpus.py OUT_DIR NOISY_DEV_DOCS_DIR (writes OUT_DIR/zcopies/ and OUT_DIR-planted.json)
# Syndicated copies of noisy-dev articles: paragraphs reordered, paragraphs of 20+ words
# reworded slightly (one word swapped for a synonym), shorter ones copied with case and
# punctuation changes, and chrome added around them.
import json,glob,random,sys,re
random.seed(7)
files=sorted(glob.glob(sys.argv[2]+'/*.txt'))
syn={'important':'significant','help':'assist','use':'employ','big':'large','show':'demonstrate','start':'begin','buy':'purchase','often':'frequently','many':'numerous','also':'additionally','new':'novel','best':'finest','good':'fine','make':'create','get':'obtain','need':'require','easy':'simple','fast':'quick','small':'little','the':'this'}
planted=[]
for f in files[::7]:
    name=f.split('/')[-1]
    g=json.load(open(f.replace('/docs/','/gold/').replace('.txt','.json')))
    paras=[l for l in g['clean'].split('\n') if len(re.findall(r'\w+', l))>=10]
    random.shuffle(paras)
    out=["Syndicated from a partner site","Home » News » World"]
    for p in paras[:6]:
        words=p.split(' ')
        if len(re.findall(r'\w+', p.replace("'", '').replace('’', '')))>=20:
            idx=[i for i,w in enumerate(words) if w.lower() in syn]
            if idx:
                i=random.choice(idx); words[i]=syn[words[i].lower()]
            q=' '.join(words)
        else:
            q=p.upper() if random.random()<0.5 else p.rstrip('.')+'!'
        out.append(q); planted.append(('copy-'+name, q, name, p))
    out += ["Share on Facebook","© 2025 Partner. All rights reserved."]
    open(sys.argv[1]+'/zcopies/copy-'+name,'w').write('\n'.join(out)+'\n')
json.dump(planted, open(sys.argv[1]+'-planted.json','w'))
print(len(planted), 'planted paragraphs in', len(files[::7]), 'copies')
