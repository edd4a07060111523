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
