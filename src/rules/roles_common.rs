//! When two roles can and cannot be held by one person at once.

use crate::knowledge::{Knowledge, OrgId, Role as KbRole};
use crate::resolve::roles::Role;

/// True when the countries do not contradict each other.
pub fn same_country(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// True when the claimed role is the knowledge-base role (same title, or one of its bodies).
pub fn matches_kb(claim: &Role, role: &KbRole) -> bool {
    let title = claim.title.is_some()
        && claim.title == role.title
        && same_country(claim.country.as_deref(), role.country.as_deref());
    let org = role.organisation.is_some_and(|o| claim.orgs.contains(&o));
    title || org
}

/// The knowledge-base role as a resolved role, for [`incompatible`].
pub fn kb_as_role(role: &KbRole) -> Role {
    Role {
        title: role.title,
        orgs: role.organisation.into_iter().collect(),
        country: role.country.clone(),
        core: String::new(),
    }
}

/// True when two different bodies cannot both be headed by one person: declared distinct,
/// or of the same kind in the same country (two police forces, two intelligence services).
pub fn distinct_bodies(a: OrgId, b: OrgId, kb: &Knowledge) -> bool {
    if a == b {
        return false;
    }
    let (Some(x), Some(y)) = (kb.organisations.get(a.0), kb.organisations.get(b.0)) else {
        return false;
    };
    x.distinct_from.contains(&b)
        || (x.kind.is_some() && x.kind == y.kind && x.country.is_some() && x.country == y.country)
}

/// True when one person cannot hold both roles at the same time: two different titles of
/// exclusive groups (in compatible countries), or two distinct bodies.
pub fn incompatible(a: &Role, b: &Role, kb: &Knowledge) -> bool {
    if let (Some(ta), Some(tb)) = (a.title, b.title) {
        let grouped =
            |t: crate::knowledge::TitleId| kb.titles.get(t.0).is_some_and(|t| t.group.is_some());
        if ta != tb
            && grouped(ta)
            && grouped(tb)
            && same_country(a.country.as_deref(), b.country.as_deref())
        {
            return true;
        }
    }
    if !a.orgs.is_empty() && !b.orgs.is_empty() && !a.orgs.iter().any(|o| b.orgs.contains(o)) {
        return a
            .orgs
            .iter()
            .any(|&x| b.orgs.iter().any(|&y| distinct_bodies(x, y, kb)));
    }
    false
}

/// Positions that head one body: a person rarely holds two of them, in two bodies, at once.
/// Longest first, so "director general" is not read as "director".
const HEAD_POSITIONS: &[&str] = &[
    "secretary general",
    "secretary-general",
    "general secretary",
    "director general",
    "director-general",
    "managing director",
    "executive director",
    "chief executive",
    "chairwoman",
    "chairperson",
    "chairman",
    "president",
    "director",
    "governor",
    "rector",
    "mayor",
    "chair",
    "head",
];

/// Words every kind of body uses: two bodies are not told apart by them.
const GENERIC_BODY_WORDS: &[&str] = &[
    "agency",
    "and",
    "association",
    "authority",
    "board",
    "bureau",
    "centre",
    "center",
    "commission",
    "committee",
    "council",
    "department",
    "directorate",
    "federation",
    "for",
    "general",
    "institute",
    "ministry",
    "national",
    "office",
    "of",
    "service",
    "the",
    "union",
];

/// Bodies whose head holds a passing role beside a permanent one ("head of the Spanish
/// delegation", "chair of the session").
const PASSING_BODIES: &[&str] = &[
    "campaign",
    "delegation",
    "list",
    "meeting",
    "mission",
    "negotiations",
    "panel",
    "session",
    "talks",
    "team",
    "visit",
];

/// Areas of work inside a body, not bodies: "director of operations" heads a department of
/// whatever body employs them.
const FUNCTIONS: &[&str] = &[
    "administration",
    "communication",
    "communications",
    "finance",
    "operations",
    "planning",
    "policy",
    "programmes",
    "programs",
    "research",
    "strategy",
];

/// "director of the Institute of Oceanography", "secretary general for fisheries": the
/// distinctive words of the body or remit a title heads, when the title is a head position
/// followed by "of", "for" or "at" and its body. A posting ("in the province") is cut off.
/// `None` for other titles, passing roles, and bodies named by an acronym alone (which
/// cannot be told from the full name).
pub fn head_of(core: &str) -> Option<Vec<String>> {
    let core = core.trim();
    let core = ["deputy ", "acting ", "interim ", "vice "]
        .iter()
        .fold(core, |c, m| c.strip_prefix(m).unwrap_or(c));
    let rest = HEAD_POSITIONS.iter().find_map(|p| core.strip_prefix(p))?;
    let body = ["of ", "for ", "at "]
        .iter()
        .find_map(|p| rest.trim_start().strip_prefix(p))?;
    let body = body.split(" in ").next().unwrap_or(body);
    let body = body.split(',').next().unwrap_or(body);
    let words: Vec<String> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2 && !GENERIC_BODY_WORDS.contains(w))
        .map(str::to_string)
        .collect();
    if words.iter().any(|w| PASSING_BODIES.contains(&w.as_str()))
        || words
            .first()
            .is_some_and(|w| FUNCTIONS.contains(&w.as_str()))
    {
        return None;
    }
    match words.as_slice() {
        [] => None,
        [one] if one.len() <= 5 => None,
        _ => Some(words),
    }
}

/// True when two head titles name bodies that share no distinctive word ("of fisheries" /
/// "of the Institute of Oceanography"); words sharing their first five letters count as
/// shared ("region"/"regional"). Places and nationalities do not tell bodies apart or
/// together ("the Velmora Port Authority" / "the Velmora Dockers' Union" are two bodies;
/// "mayor of Velmora" says nothing more than the town).
pub fn heads_different_bodies(a: &[String], b: &[String], kb: &Knowledge) -> bool {
    let distinctive = |w: &&String| {
        kb.place_by_name(w).is_none()
            && kb.country_by_name(w).is_none()
            && kb.country_by_demonym(w).is_none()
    };
    let a: Vec<&String> = a.iter().filter(distinctive).collect();
    let b: Vec<&String> = b.iter().filter(distinctive).collect();
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.iter().any(|y| stem(x) == stem(y)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_titles_and_their_bodies() {
        let body = |t: &str| head_of(t).map(|w| w.join(" "));
        assert_eq!(
            body("secretary general of the dockers' union in the province").as_deref(),
            Some("dockers")
        );
        assert_eq!(
            body("director for coastal fisheries").as_deref(),
            Some("coastal fisheries")
        );
        assert_eq!(body("head of the spanish delegation"), None);
        assert_eq!(body("director of operations for the water board"), None);
        assert_eq!(body("director of the ihc"), None);
        assert_eq!(body("interior minister"), None);
    }
}
