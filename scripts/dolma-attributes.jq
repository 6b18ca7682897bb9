# vnlint --corpus records (--emit attributes) to Dolma attributes lines,
# one for one, in order (docs/corpus-mode.md, "Dolma"):
#   {"id":…,"attributes":{"vnlint__vnlint__score":[[0,chars,score]],
#                         "vnlint__vnlint__RULE":[[start,end,1],…],…}}
# RULE is the rule id with / and - made _. A line vnlint could not read
# gets "attributes":{}. jq 1.6 reads numbers as doubles: an id that is a
# number above 2^53 loses digits (string ids, Dolma's, are exact).
#   vnlint --corpus documents/x.jsonl.gz |
#       jq -c -f scripts/dolma-attributes.jq | gzip >attributes/vnlint/x.jsonl.gz
{id, attributes: (if .vnlint then
	{"vnlint__vnlint__score": [[0, .vnlint.chars, .vnlint.score]]}
	+ reduce (.vnlint.spans // [])[] as $s ({};
		.["vnlint__vnlint__" + ($s[2] | gsub("[/-]"; "_"))] += [[$s[0], $s[1], 1]])
	else {} end)}
