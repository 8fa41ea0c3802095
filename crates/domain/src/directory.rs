//! Directory groups → role and reach: what an account signing in through the
//! organisation's directory (OpenID Connect, LDAP / Active Directory) may be.
//!
//! The head keeps an ordered table of groups. The first row whose group the person is
//! in decides the role; the reach (regions and sites) is that of every row they are in
//! with that same role, so "managers of Riga" and "managers of Liepāja" add up for a
//! manager in both. A person in no row gets no account. What the role then allows is
//! decided by [`crate::policy`], whatever the account's source.

use uuid::Uuid;

use crate::Role;

/// One row of the mapping table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRule {
    /// A group's name (`rida-managers`) or its full DN
    /// (`cn=rida-managers,ou=groups,dc=example,dc=org`).
    pub group: String,
    pub role: Role,
    pub region_ids: Vec<Uuid>,
    pub site_ids: Vec<Uuid>,
}

/// What the mapping gives a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub role: Role,
    pub region_ids: Vec<Uuid>,
    pub site_ids: Vec<Uuid>,
    /// The rows' groups that gave it, as the table names them.
    pub groups: Vec<String>,
}

/// The names a group can be given by: its whole DN and its first value (`cn=x,ou=…` →
/// `x`), or the name as it is; compared without case and surrounding spaces, as
/// directories compare them.
fn names_of(group: &str) -> Vec<String> {
    let whole = normalise_dn(group);
    let mut names = vec![whole.clone()];
    if let Some((first, _)) = whole.split_once(',')
        && let Some((_, value)) = first.split_once('=')
    {
        names.push(value.trim().to_string());
    } else if let Some((_, value)) = whole.split_once('=') {
        names.push(value.trim().to_string());
    }
    names
}

/// A DN or name in one form: lower case, no spaces around `,` and `=`.
fn normalise_dn(s: &str) -> String {
    s.split(',')
        .map(|rdn| {
            rdn.split('=')
                .map(|p| p.trim().to_lowercase())
                .collect::<Vec<_>>()
                .join("=")
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Whether a group the person is in (`member_of`, a name or a DN) is the rule's group.
pub fn same_group(rule_group: &str, member_of: &str) -> bool {
    let rule = normalise_dn(rule_group);
    // A rule written as a DN matches that DN only; a bare name matches the group of that
    // name wherever it is in the tree.
    if rule.contains('=') {
        return rule == normalise_dn(member_of);
    }
    names_of(member_of).contains(&rule)
}

/// The role and reach the table gives someone in `member_of`; `None` when no row names
/// any of their groups.
pub fn grant(rules: &[GroupRule], member_of: &[String]) -> Option<Grant> {
    let matches = |r: &&GroupRule| member_of.iter().any(|m| same_group(&r.group, m));
    let first = rules.iter().find(matches)?;
    let mut g = Grant {
        role: first.role,
        region_ids: Vec::new(),
        site_ids: Vec::new(),
        groups: Vec::new(),
    };
    for r in rules
        .iter()
        .filter(matches)
        .filter(|r| r.role == first.role)
    {
        g.region_ids.extend(&r.region_ids);
        g.site_ids.extend(&r.site_ids);
        g.groups.push(r.group.clone());
    }
    for v in [&mut g.region_ids, &mut g.site_ids] {
        v.sort_unstable();
        v.dedup();
    }
    Some(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(group: &str, role: Role, regions: &[u128], sites: &[u128]) -> GroupRule {
        GroupRule {
            group: group.into(),
            role,
            region_ids: regions.iter().map(|n| Uuid::from_u128(*n)).collect(),
            site_ids: sites.iter().map(|n| Uuid::from_u128(*n)).collect(),
        }
    }

    fn groups(g: &[&str]) -> Vec<String> {
        g.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_first_row_decides_the_role_and_its_like_add_their_reach() {
        let rules = vec![
            rule("rida-heads", Role::Head, &[], &[]),
            rule("rida-managers-riga", Role::Manager, &[1], &[]),
            rule("rida-managers-liepaja", Role::Manager, &[2], &[7]),
            rule("rida-managers", Role::Analyst, &[], &[]),
        ];
        let g = grant(
            &rules,
            &groups(&[
                "rida-managers",
                "rida-managers-liepaja",
                "rida-managers-riga",
            ]),
        )
        .unwrap();
        assert_eq!(g.role, Role::Manager);
        assert_eq!(g.region_ids, vec![Uuid::from_u128(1), Uuid::from_u128(2)]);
        assert_eq!(g.site_ids, vec![Uuid::from_u128(7)]);
        assert_eq!(
            g.groups,
            vec!["rida-managers-riga", "rida-managers-liepaja"]
        );
        let g = grant(&rules, &groups(&["rida-managers"])).unwrap();
        assert_eq!(g.role, Role::Analyst);
        assert_eq!(grant(&rules, &groups(&["other"])), None);
        assert_eq!(grant(&rules, &[]), None);
    }

    #[test]
    fn groups_are_matched_by_name_or_whole_dn_without_case() {
        let dn = "CN=Rida-Managers-Riga, OU=Groups, DC=rida,DC=test";
        assert!(same_group("rida-managers-riga", dn));
        assert!(same_group(
            "cn=rida-managers-riga,ou=groups,dc=rida,dc=test",
            dn
        ));
        assert!(same_group("RIDA-MANAGERS-RIGA", "rida-managers-riga"));
        // A DN in the table names that entry only, not a namesake elsewhere.
        assert!(!same_group(
            "cn=rida-managers-riga,ou=old,dc=rida,dc=test",
            dn
        ));
        assert!(!same_group("rida-managers", dn));
        assert!(!same_group("groups", dn));
    }
}
