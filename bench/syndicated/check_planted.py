#!/usr/bin/env python3
# usage: check_planted.py CORPUS_DIR CLEAN_OUT_DIR: every planted copy removed, pointing at its original
import json,sys
planted=json.load(open(sys.argv[1]+'-planted.json'))
recs={}
for l in open(sys.argv[2]+'/provenance.jsonl'):
    r=json.loads(l); recs[r['id']]=r
ok=bad=0; rules={}
for copy, q, orig, p in planted:
    r=recs['zcopies/'+copy]
    sp=[s for s in r['spans'] if s.get('text','').rstrip('\n')==q]
    if not sp or sp[0]['action']!='remove' or 'duplicate_of' not in sp[0]:
        bad+=1; print('MISSED', copy, q[:80]); continue
    d=sp[0]['duplicate_of']
    src=open(sys.argv[1]+'/'+d['doc'],'rb').read()[d['start']:d['end']].decode()
    if d['doc']=='orig/'+orig and src==p: ok+=1; rules[sp[0]['rule']]=rules.get(sp[0]['rule'],0)+1
    else: bad+=1; print('WRONG', copy, d)
print(f'planted duplicates removed with the right duplicate_of: {ok}/{ok+bad}', rules)
sys.exit(1 if bad else 0)
