#!/usr/bin/env python3
"""Generates the gazetteer tables from unpacked Debian and npm packages (see gen-gazetteers.sh).

Usage: generate.py SRC_DIR REPO_DIR
  SRC_DIR holds deb/ (dpkg -x of all Debian packages), npm/<name>/package/ (npm pack contents),
  geonames.tsv (the output of geonames_dump) and versions.txt (one "package version" a line).
Writes common/data/*.tsv and indexer/entities/data/*.tsv under REPO_DIR. Deterministic: the same
package versions give byte-identical tables.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def fold(text):
    """Roughly canonical::fold_key: lower case, accents removed, spaces squeezed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").lower()
    return " ".join(re.sub(r"[^\w.\-&']+", " ", text).split())


def ascii_name(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c) and ord(c) < 128)


def read_ours(name):
    """Rows of one of our hand-written tables (comments and blank lines skipped)."""
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def write_tsv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# " + "\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"wrote {path}: {len(rows)} rows, {os.path.getsize(path)} bytes", file=sys.stderr)


def latin(text):
    """True if the text is written in Latin letters (skips native-script alternate spellings)."""
    return all(ord(c) < 0x250 or not c.isalpha() for c in text)


def plural(demonym):
    if demonym.endswith(("an", "i")) and " " not in demonym:
        return demonym + "s"
    return None


# ---------------------------------------------------------------- countries
def build_countries(src, repo):
    iso1 = json.load(open(f"{src}/deb/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    wc = {c["cca2"]: c for c in json.load(open(f"{src}/npm/world-countries/package/countries.json"))}
    nat = json.load(open(f"{src}/npm/i18n-nationality/package/langs/en.json"))["nationalities"]
    extras = read_ours("country_extras.tsv")

    countries = {}
    for e in iso1:
        code = e["alpha_2"]
        w = wc.get(code, {})
        name = w.get("name", {}).get("common") or e.get("common_name") or e["name"]
        c = {"code": code, "alpha3": e["alpha_3"], "name": name, "aliases": [], "demonyms": [],
             "capital": (w.get("capital") or [""])[0], "successor": "", "ours": [],
             "independent": bool(w.get("independent"))}
        for a in [e["name"], e.get("common_name"), e.get("official_name"),
                  w.get("name", {}).get("official")] + list(w.get("altSpellings", [])):
            if a and latin(a) and len(a) > 3 and "," not in a:
                c["aliases"].append(a)
        dem = w.get("demonyms", {}).get("eng", {})
        for d in [dem.get("m"), dem.get("f"), nat.get(code)]:
            if d and "(" not in d:
                c["demonyms"].append(d)
        countries[code] = c
    # Kosovo: not in ISO 3166-1, but news names it; XK is the user-assigned code in common use.
    w = wc["XK"]
    countries["XK"] = {"code": "XK", "alpha3": "XKX", "name": "Kosovo", "aliases": [],
                       "demonyms": [w["demonyms"]["eng"]["m"]], "capital": w["capital"][0],
                       "successor": "", "ours": [], "independent": True}
    for code, field, values in extras:
        c = countries[code]
        vals = values.split("|")
        if field == "name":
            c["aliases"].append(c["name"])
            c["name"] = vals[0]
        elif field == "capital":
            c["capital"] = vals[0]
        elif field == "alias":
            c["aliases"] += vals
            c["ours"] += vals
        elif field == "demonym":
            c["demonyms"] += vals
            c["ours"] += vals
        else:
            raise SystemExit(f"country_extras.tsv: unknown field {field}")
    for c in countries.values():
        for d in list(c["demonyms"]):
            p = plural(d)
            if p:
                c["demonyms"].append(p)

    former = []
    iso3 = {e["alpha_4"]: e for e in
            json.load(open(f"{src}/deb/usr/share/iso-codes/json/iso_3166-3.json"))["3166-3"]}
    for a4, name, aliases, demonyms, successor in read_ours("former_countries.tsv"):
        e = iso3[a4]
        al = [x for x in aliases.split("|") if x]
        if e["name"] != name and "," not in e["name"]:
            al.append(e["name"])
        former.append({"code": a4, "alpha3": e["alpha_3"], "name": name, "aliases": al,
                       "demonyms": [x for x in demonyms.split("|") if x], "capital": "",
                       "successor": successor})
    missing = set(iso3) - {f["code"] for f in former}
    if missing:
        raise SystemExit(f"former_countries.tsv lacks {sorted(missing)}")

    # One key, one country: a name or demonym claimed by two countries goes to the one whose
    # short name it is, else to the one our extras give it to, else to the first independent
    # country in code order, else to the first dependency; the losers drop it.
    owner = {}
    ordered = sorted(countries.values(), key=lambda c: c["code"])
    for c in ordered:
        owner.setdefault(fold(c["name"]), c["code"])
    for c in ordered:
        for a in c["ours"]:
            owner.setdefault(fold(a), c["code"])
    for c in [c for c in ordered if c["independent"]] + [c for c in ordered if not c["independent"]] + former:
        for a in c["aliases"] + c["demonyms"]:
            owner.setdefault(fold(a), c["code"])
    dropped = []
    rows = []
    for kind, group in (("current", ordered), ("former", former)):
        for c in group:
            def keep(values):
                out, seen = [], {fold(c["name"])}
                for v in values:
                    k = fold(v)
                    if k in seen:
                        continue
                    seen.add(k)
                    if owner.get(k) != c["code"]:
                        dropped.append(f"{c['code']}:{v}")
                        continue
                    out.append(v)
                return out
            rows.append([c["code"], c["alpha3"], c["name"], c["capital"],
                         "|".join(keep(c["aliases"])), "|".join(keep(c["demonyms"])),
                         c["successor"], kind])
    print("ambiguous names dropped: " + " ".join(dropped), file=sys.stderr)

    # Reuters-21578 <PLACES> values, as a last column: the place values filed under each code.
    keys = {}
    for r in rows:
        code = (r[6] or r[0]) if r[7] == "former" else r[0]
        for v in [r[0], r[1], r[2]] + r[4].split("|"):
            if v:
                keys.setdefault(fold(v), code)
    overrides = dict(read_ours("reuters_overrides.tsv"))
    places_file = os.environ.get("REUTERS_PLACES",
                                 f"{repo}/../shared/corpora/reuters21578/all-places-strings.lc.txt")
    places = {}
    if not os.path.exists(places_file):
        raise SystemExit(f"{places_file} absent: set REUTERS_PLACES to the Reuters place list")
    for line in open(places_file, encoding="ascii"):
        p = line.strip()
        if not p:
            continue
        code = overrides.get(p) or keys.get(fold(p)) or keys.get(fold(p.replace("-", " ")))
        if not code:
            raise SystemExit(f"Reuters place {p!r} maps to no country")
        places.setdefault(code, []).append(p)
    for r in rows:
        r.append("|".join(sorted(places.pop(r[0], []))) if r[7] == "current" else "")
    if places:
        raise SystemExit(f"Reuters places filed under no current country: {places}")
    write_tsv(f"{repo}/common/data/countries.tsv",
              ["code", "alpha3", "name", "capital", "aliases", "demonyms", "successor", "kind",
               "reuters_places"], rows)
    country_keys = {}
    for r in rows:
        code = (r[6] or r[0]) if r[7] == "former" else r[0]
        for v in [r[2]] + r[4].split("|") + r[5].split("|"):
            if v:
                country_keys.setdefault(fold(v), code)
    return country_keys


# ---------------------------------------------------------------- common words
def expand_hunspell(dic, aff):
    """Words of a Hunspell dictionary with its suffix rules applied (prefixes are not)."""
    rules = {}
    lines = open(aff, encoding="utf-8", errors="replace").read().splitlines()
    for line in lines:
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            flag, strip, add, cond = parts[1], parts[2], parts[3], parts[4]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add.split("/")[0]
            rules.setdefault(flag, []).append((strip, add, re.compile(cond + "$")))
    words = set()
    with open(dic, encoding="utf-8", errors="replace") as f:
        next(f)
        for line in f:
            word, _, flags = line.strip().partition("/")
            words.add(word)
            for flag in flags:
                for strip, add, cond in rules.get(flag, []):
                    if cond.search(word) and word.endswith(strip):
                        words.add(word[: len(word) - len(strip)] + add)
    return words


def build_common_words(src):
    words = expand_hunspell(f"{src}/deb/usr/share/hunspell/en_US.dic",
                            f"{src}/deb/usr/share/hunspell/en_US.aff")
    # Only words Hunspell spells in lower case: "Sunday" and "Paris" are not common words.
    common = {w for w in words if re.fullmatch(r"[a-z][a-z'\-]*", w)}
    # WordNet confirms the word is an English content word when it has a lemma written in lower
    # case (data.* keep the case: "march" is, "York" and "Venice" are only proper nouns). Words
    # WordNet lacks altogether are function words ("the", "will", "of"): kept when short.
    wn_lower, wn_any = set(), set()
    for pos in ("noun", "verb", "adj", "adv"):
        for line in open(f"{src}/deb/usr/share/wordnet/data.{pos}", encoding="utf-8"):
            if line.startswith(" "):
                continue
            f = line.split(" ")
            for i in range(int(f[3], 16)):
                lemma = re.sub(r"\(.*\)$", "", f[4 + 2 * i])
                wn_any.add(lemma.lower())
                if lemma.islower() and "_" not in lemma:
                    wn_lower.add(lemma)
        for line in open(f"{src}/deb/usr/share/wordnet/{pos}.exc", encoding="utf-8"):
            wn_lower.add(line.split(" ", 1)[0])
    stem_ok = lambda w: any(x in wn_lower for x in (w, w[:-1], w[:-2], w[:-3], w[:-3] + "e",
                                                   w[:-2] + "e", w[:-3] + "y"))
    short_function = lambda w: len(w) <= 5 and w not in wn_any and w[:-1] not in wn_any
    return sorted(w for w in common if stem_ok(w) or short_function(w))


def wordnet_tag_counts(src):
    """Lower-case lemma -> how often SemCor tagged any of its senses (0: rare or proper only)."""
    counts = {}
    for pos in ("noun", "verb", "adj", "adv"):
        for line in open(f"{src}/deb/usr/share/wordnet/index.{pos}", encoding="utf-8"):
            if line.startswith(" "):
                continue
            f = line.split()
            n = int(f[3])
            counts[f[0]] = counts.get(f[0], 0) + int(f[5 + n])
    return counts




# ---------------------------------------------------------------- indexer tables
# Names that are no city in news text even where a town of that name exists (ours).
CONTINENTS = {"africa", "asia", "europe", "america", "north america", "south america",
              "latin america", "oceania", "antarctica", "middle east", "eurasia"}
# A city whose name is a country or a well-known region elsewhere, or (below this population) a
# common word that texts use (WordNet sense-tagged counts > 0), is marked ambiguous: Gazetteer::match() does not offer it as a city.
# Measured on Reuters-21578 TRAIN: "March" (GB), "Federal" (AR), "Union" (US), "David" (PA) and
# "Venezuela" (CU) were the most frequent false city hits; Nice, Reading and Charlotte stay.
AMBIGUOUS_CITY_MAX_POPULATION = 250000
# The same for first names, with a lower bar so that Geneva (184,000; a census first name) stays.
AMBIGUOUS_NAME_CITY_MAX_POPULATION = 150000


def build_indexer(src, repo, common_words, country_keys):
    out = f"{repo}/indexer/entities/data"
    common_set = set(common_words)

    # Cities: GeoNames cities15000 as compiled into libgeonames0, most populous first.
    cities = []
    with open(f"{src}/geonames.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            gid, name, a1code, a1name, cc, _, _, pop, _, _ = line.rstrip("\n").split("\t")
            cities.append([name, ascii_name(name), "", cc, a1name, int(pop)])
    cities.sort(key=lambda r: (-r[5], r[0], r[3]))
    by_name = {}
    for r in cities:
        by_name.setdefault((fold(r[0]), r[3]), r)
    for alias, target, cc in read_ours("city_aliases.tsv"):
        r = by_name.get((fold(target), cc))
        if r is None:
            raise SystemExit(f"city_aliases.tsv: no city {target} in {cc}")
        if fold(alias) != fold(r[0]):
            alts = [a for a in r[2].split("|") if a]
            if alias not in alts:
                r[2] = "|".join(alts + [alias])

    # Regions: ours first, then GeoNames first-level regions (English names), then ISO 3166-2
    # first-level subdivisions. Single words that are common English words ("Central", "North")
    # are left out of the generated part.
    regions, seen = [], set()

    def add_region(name, cc, code, source, aliases=()):
        k = (fold(name), cc)
        if not name or k in seen:
            return
        if source != "ours" and " " not in name and fold(name) in common_set:
            return
        seen.add(k)
        seen.update((fold(a), cc) for a in aliases)
        regions.append([name, cc, code, source, "|".join(aliases)])

    for names_field, cc, code in read_ours("regions_extra.tsv"):
        names_list = names_field.split("|")
        add_region(names_list[0], cc, code, "ours", names_list[1:])
    strip_re = re.compile(r"^(Autonomous Republic of |Free State of |State of |Canton of |Province of "
                          r"|Republic of |Principality of )|( Province| Region| Oblast| Oblast’"
                          r"| Autonomous Region| Municipality| Governorate| Prefecture| District"
                          r"| Department| County| City)$")
    for name, _, _, cc, a1, _ in sorted(cities, key=lambda r: (r[3], r[4])):
        if a1:
            add_region(a1, cc, "", "geonames")
            short = strip_re.sub("", a1)
            if short != a1:
                add_region(short, cc, "", "geonames")
    iso2 = json.load(open(f"{src}/deb/usr/share/iso-codes/json/iso_3166-2.json"))["3166-2"]
    for e in sorted(iso2, key=lambda e: e["code"]):
        if "parent" in e:
            continue
        add_region(e["name"], e["code"][:2], e["code"], "iso3166-2")
    write_tsv(f"{out}/regions.tsv", ["name", "country", "iso3166_2", "source", "aliases"], regions)

    # First names: US Census 1990 (Text::Names) with frequency, then compromise's lexicon for
    # names the census lacks (international names such as Sergey), frequency 0.
    text = open(f"{src}/deb/usr/share/perl5/Text/Names.pm", encoding="latin-1").read()

    def heredoc(var):
        m = re.search(r"\$" + var + r" = <<ENDNAMES;\n(.*?)\nENDNAMES", text, re.S)
        return {l.split()[0]: float(l.split()[1]) for l in m.group(1).splitlines() if l.strip()}

    male, female = heredoc("COMMON_MALE_FIRSTNAMES"), heredoc("COMMON_FEMALE_FIRSTNAMES")
    names = {}
    for n in set(male) | set(female):
        m, fe = male.get(n, 0.0), female.get(n, 0.0)
        # The same rule as Text::Names::guessGender: one gender when it is 20 times as common.
        g = "M" if fe == 0 or m / fe >= 20 else "F" if m == 0 or fe / m >= 20 else "B"
        names[n.capitalize()] = [g, max(m, fe), "census1990"]
    cmp = json.load(open(f"{src}/compromise-names.json"))
    for n, tags in sorted(cmp.items()):
        key = n.capitalize() if n.islower() else n
        if key in names or not re.fullmatch(r"[^\W\d_][\w'\-]*", key):
            continue
        g = "M" if "MaleName" in tags and "FemaleName" not in tags else \
            "F" if "FemaleName" in tags and "MaleName" not in tags else \
            "B" if "MaleName" in tags else "U"
        names[key] = [g, 0.0, "compromise"]
    # Rare census entries that are short English words ("In", "An", "So", "My") would mark
    # function words as names; they are left out.
    for n in [n for n, v in names.items()
              if len(n) <= 3 and fold(n) in common_set and v[1] < 0.01]:
        del names[n]
    rows = sorted(([n] + v for n, v in names.items()), key=lambda r: (-r[2], r[0]))
    rows = [[r[0], r[1], f"{r[2]:.3f}", r[3]] for r in rows]
    write_tsv(f"{out}/first_names.tsv", ["name", "gender", "percent", "source"], rows)

    # Only first names common enough to be read as a person: 0.01% of the census or more.
    name_keys = {fold(n) for n, v in names.items() if v[1] >= 0.01}
    tag_counts = wordnet_tag_counts(src)
    region_keys = {}
    for name, cc, _, source, _ in regions:
        if source == "ours":
            region_keys.setdefault(fold(name), cc)

    def ambiguous(name, cc, population):
        k = fold(name)
        if k in CONTINENTS:
            return True
        if k in country_keys:
            return country_keys[k] != cc
        if k in region_keys and region_keys[k] != cc:
            return True
        if k in name_keys and population < AMBIGUOUS_NAME_CITY_MAX_POPULATION:
            return True
        # A common word counts when text uses it: SemCor tagged it, or it is a function word.
        used = tag_counts.get(k, 0) > 0 or k not in tag_counts
        return (" " not in k and k in common_set and used
                and population < AMBIGUOUS_CITY_MAX_POPULATION)

    rows = [[r[0], r[1] if r[1] != r[0] else "", r[2], r[3], r[4], r[5],
             "1" if ambiguous(r[0], r[3], r[5]) else ""] for r in cities]
    print(f"cities marked ambiguous: {sum(1 for r in rows if r[6])}", file=sys.stderr)
    write_tsv(f"{out}/cities.tsv",
              ["name", "ascii", "alt", "country", "region", "population", "ambiguous"], rows)

    # Titles: python3-nameparser's TITLES (words with digits and the "first name titles" kept),
    # our multi-word titles, and compromise's honorifics.
    sys.path.insert(0, f"{src}/deb/usr/lib/python3/dist-packages")
    from nameparser.config import titles as npt  # noqa: E402
    tit = {}
    exclude = {r[0] for r in read_ours("titles_exclude.txt")}
    for t in [x for x in read_ours("titles_extra.txt")]:
        tit.setdefault(fold(t[0]), [t[0], "ours"])
    for t in sorted(npt.TITLES):
        t = t.strip()
        if t and not re.search(r"\d", t) and t not in exclude:
            tit.setdefault(fold(t), [t, "nameparser"])
    for t in sorted(cmp_honorifics):
        tit.setdefault(fold(t), [t, "compromise"])
    write_tsv(f"{out}/titles.tsv", ["title", "source"], sorted(tit.values(), key=lambda r: fold(r[0])))

    write_tsv(f"{out}/org_suffixes.tsv", ["word"], read_ours("org_suffixes.txt"))
    write_tsv(f"{out}/agencies.tsv", ["name", "aliases", "country"],
              [r + [""] * (3 - len(r)) for r in read_ours("agencies.tsv")])
    write_tsv(f"{out}/metonyms.tsv", ["phrase", "country"], read_ours("metonyms.tsv"))
    with open(f"{out}/common_words.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(common_words) + "\n")
    print(f"wrote {out}/common_words.txt: {len(common_words)} words", file=sys.stderr)


cmp_honorifics = []


def main():
    src, repo = sys.argv[1], sys.argv[2]
    global cmp_honorifics
    cmp_honorifics = json.load(open(f"{src}/compromise-honorifics.json"))
    country_keys = build_countries(src, repo)
    words = build_common_words(src)
    build_indexer(src, repo, words, country_keys)


if __name__ == "__main__":
    main()
