//! Titles to roles: "Spanish Prime Minister" → head-of-government in ES; "Director General
//! of National Security and Territorial Surveillance" → head of both bodies the rules name so;
//! "Chief Executive Officer" → a corporate title that the rules know is a mistranslation of
//! "Chef du gouvernement" in Morocco.

use crate::knowledge::{Knowledge, OrgId, TitleId};
use crate::text::fold;

/// What a title means, as far as the knowledge base can tell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Role {
    /// The title, when the phrase names a known title.
    pub title: Option<TitleId>,
    /// Bodies the phrase puts the person at the head of (or in).
    pub orgs: Vec<OrgId>,
    /// Country the title is in.
    pub country: Option<String>,
    /// The title with country words removed, folded (for comparing unknown titles).
    pub core: String,
}

impl Role {
    /// True when the knowledge base recognised something in the phrase.
    pub fn is_known(&self) -> bool {
        self.title.is_some() || !self.orgs.is_empty()
    }
}

/// Words removed from a title before lookup.
const LEADING: &[&str] = &[
    "the", "a", "an", "former", "ex", "then", "acting", "interim", "outgoing", "current", "new",
];

/// Splits a folded title into its country (from a demonym, possessive or "of COUNTRY") and
/// the rest: "morocco's director of migration" → (MA, "director of migration");
/// "president of the spanish government" → (ES, "president of the government").
pub fn strip_country(folded: &str, kb: &Knowledge) -> (Option<String>, String) {
    let mut country: Option<String> = None;
    let mut words: Vec<&str> = folded.split(' ').collect();
    while words.first().is_some_and(|w| LEADING.contains(w)) {
        words.remove(0);
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let bare = w.trim_end_matches("'s");
        let possessive = w.ends_with("'s");
        if let Some(c) = kb.country_by_demonym(w) {
            country.get_or_insert_with(|| c.to_string());
            i += 1;
            continue;
        }
        if possessive {
            if let Some(c) = kb.country_by_name(bare) {
                country.get_or_insert_with(|| c.to_string());
                i += 1;
                continue;
            }
        }
        // "of morocco", "of the kingdom of spain" at the end or before a comma.
        if w == "of" {
            let rest = words[i + 1..].join(" ");
            let rest = rest.trim_start_matches("the ");
            if let Some(c) = kb.country_by_name(rest) {
                country.get_or_insert_with(|| c.to_string());
                break;
            }
        }
        out.push(w.to_string());
        i += 1;
    }
    // "morocco" split from "'s" by the tokenizer arrives as "morocco 's"/"morocco s".
    let mut joined = out.join(" ");
    if joined.contains(" 's ") || joined.contains("'s ") || joined.contains(" s ") {
        for c in &kb.countries {
            let name = fold(&c.name);
            if let Some(rest) = joined
                .strip_prefix(&format!("{name} 's "))
                .or_else(|| joined.strip_prefix(&format!("{name}'s ")))
            {
                country.get_or_insert(c.code.clone());
                joined = rest.to_string();
                break;
            }
        }
    }
    (country, joined)
}

/// Resolves a title phrase against the knowledge base. `country` is the country the
/// extractor read; the person's nationality is used when the title states none.
pub fn resolve_title(
    text: &str,
    country: Option<&str>,
    person_country: Option<&str>,
    kb: &Knowledge,
) -> Role {
    let folded = fold(text).replace(" ,", ",");
    let (stated, core) = strip_country(&folded, kb);
    let country = country
        .map(str::to_string)
        .or(stated)
        .or_else(|| person_country.map(str::to_string));
    let mut role = Role {
        country: country.clone(),
        core: core.clone(),
        ..Role::default()
    };
    role.title = kb
        .title_by_name(&core, country.as_deref())
        .or_else(|| kb.title_by_name(&folded, country.as_deref()));
    // "Moroccan Ambassador in Madrid", "Minister of Foreign Affairs of Morocco": drop a
    // trailing place or qualifier and try again.
    if role.title.is_none() {
        // Only a place or posting may be cut: "president of the european commission" is
        // not a president of a country.
        for cut in [" in ", " to ", " at "] {
            if let Some((head, _)) = core.split_once(cut) {
                if let Some(t) = kb.title_by_name(head, country.as_deref()) {
                    role.title = Some(t);
                    break;
                }
            }
        }
    }
    role.orgs = head_orgs(&core, country.as_deref(), kb);
    role
}

/// Bodies a title puts its holder at the head of: head titles listed in the rules
/// ("director general of national security"), conjunctions expanded ("... of national
/// security and territorial surveillance" → both), and "FUNCTION of/at ORG" with ORG an alias.
fn head_orgs(core: &str, country: Option<&str>, kb: &Knowledge) -> Vec<OrgId> {
    let mut out = Vec::new();
    let push = |o: OrgId, out: &mut Vec<OrgId>| {
        // A body of another country than the title's is a different body.
        let ok = match (
            country,
            kb.organisations.get(o.0).and_then(|x| x.country.as_deref()),
        ) {
            (Some(c), Some(oc)) => c == oc,
            _ => true,
        };
        if ok && !out.contains(&o) {
            out.push(o);
        }
    };
    if let Some(o) = kb.org_by_head_title(core) {
        push(o, &mut out);
        return out;
    }
    for sep in [
        " of the ",
        " of ",
        " at the ",
        " at ",
        " for the ",
        " for ",
        " in the ",
    ] {
        let Some((function, remit)) = core.split_once(sep) else {
            continue;
        };
        let prefix = format!("{function}{sep}");
        let conjuncts: Vec<&str> = remit.split(" and ").collect();
        let mut any = false;
        for c in &conjuncts {
            let c = c.trim().trim_end_matches(',');
            // Strip a trailing "of morocco" left in a conjunct.
            let c = c.split(" of ").next().unwrap_or(c);
            let candidates = [
                format!("{prefix}{c}"),
                format!("{function} of {c}"),
                format!("{function} of the {c}"),
            ];
            if let Some(o) = candidates.iter().find_map(|t| kb.org_by_head_title(t)) {
                push(o, &mut out);
                any = true;
            } else if let Some(o) = kb
                .org_by_name(c, country)
                .or_else(|| kb.org_by_name(c.trim_start_matches("the "), country))
            {
                push(o, &mut out);
                any = true;
            }
        }
        // The whole remit may itself be one name with "and" in it.
        if !any {
            if let Some(o) = kb
                .org_by_name(remit, country)
                .or_else(|| kb.org_by_name(remit.trim_start_matches("the "), country))
            {
                push(o, &mut out);
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// Resolves an organisation name ("the Spanish Civil Guard") to a known body.
pub fn resolve_org(text: &str, kb: &Knowledge) -> Option<OrgId> {
    let folded = fold(text);
    let folded = folded.trim_start_matches("the ");
    if let Some(o) = kb.org_by_name(folded, None) {
        return Some(o);
    }
    let (country, core) = strip_country(folded, kb);
    kb.org_by_name(&core, country.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> Knowledge {
        Knowledge::load(&[]).unwrap()
    }

    fn title_id(kb: &Knowledge, r: &Role) -> Option<String> {
        r.title.map(|t| kb.titles[t.0].id.clone())
    }

    fn org_ids(kb: &Knowledge, r: &Role) -> Vec<String> {
        r.orgs
            .iter()
            .map(|o| kb.organisations[o.0].id.clone())
            .collect()
    }

    #[test]
    fn titles_and_countries() {
        let kb = kb();
        let r = resolve_title("Spanish Prime Minister", Some("ES"), None, &kb);
        assert_eq!(title_id(&kb, &r).as_deref(), Some("head-of-government"));
        let r = resolve_title("President of the Spanish government", Some("ES"), None, &kb);
        assert_eq!(title_id(&kb, &r).as_deref(), Some("head-of-government"));
        assert_eq!(r.country.as_deref(), Some("ES"));
        let r = resolve_title("Foreign Minister", None, Some("ES"), &kb);
        assert_eq!(title_id(&kb, &r).as_deref(), Some("foreign-minister"));
        let r = resolve_title(
            "Moroccan Minister of Foreign Affairs",
            Some("MA"),
            None,
            &kb,
        );
        assert_eq!(title_id(&kb, &r).as_deref(), Some("foreign-minister"));
        let r = resolve_title("Moroccan Ambassador in Madrid", Some("MA"), None, &kb);
        assert_eq!(title_id(&kb, &r).as_deref(), Some("ambassador"));
        let r = resolve_title("Chief Executive Officer", None, Some("MA"), &kb);
        assert_eq!(
            title_id(&kb, &r).as_deref(),
            Some("chief-executive-officer")
        );
    }

    #[test]
    fn head_titles_and_conjunctions() {
        let kb = kb();
        let r = resolve_title(
            "Director General of National Security and Territorial Surveillance of Morocco",
            Some("MA"),
            None,
            &kb,
        );
        assert_eq!(org_ids(&kb, &r), ["dgsn", "dgst"]);
        assert_eq!(r.country.as_deref(), Some("MA"));
        let r = resolve_title(
            "Director General of the Spanish National Police Force",
            Some("ES"),
            None,
            &kb,
        );
        assert_eq!(org_ids(&kb, &r), ["es-national-police"]);
        let r = resolve_title(
            "head of intelligence at the Spanish Civil Guard",
            Some("ES"),
            None,
            &kb,
        );
        assert_eq!(org_ids(&kb, &r), ["es-civil-guard"]);
        let r = resolve_title(
            "Morocco's Director of Migration and Border Surveillance",
            Some("MA"),
            None,
            &kb,
        );
        assert_eq!(org_ids(&kb, &r), ["ma-migration-directorate"]);
        // An alias in another language, from a rules file of the user's.
        let extra = crate::knowledge::Knowledge::from_files(vec![crate::knowledge::RuleFile {
            path: "velmora.toml".into(),
            text: "[[organisation]]\nid = \"velmora-coast-guard\"\nname = \"Velmoran Coast \
                   Guard\"\ncountry = \"MA\"\naliases = [\"Garde Côtière Velmorane\"]\n\
                   source = \"invented for a test\"\n"
                .into(),
        }])
        .expect("invented rules");
        assert_eq!(
            resolve_org("the Garde Côtière Velmorane", &extra)
                .map(|o| extra.organisations[o.0].id.clone())
                .as_deref(),
            Some("velmora-coast-guard")
        );
        assert_eq!(
            resolve_org("Spanish Police", &kb)
                .map(|o| kb.organisations[o.0].id.clone())
                .as_deref(),
            Some("es-national-police")
        );
    }
}
