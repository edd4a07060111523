//! Quotations and who said them: “...” or "..." of at least three words, with the speaker
//! from a speech verb next to it ("said X", "X said", "according to X", "X stressed").

use super::people::NameMatch;
use super::tokens::Sentence;
use crate::span::Span;

/// A quotation in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMatch {
    /// Span of the quotation including its marks.
    pub span: Span,
    /// Span of the words inside the marks.
    pub inner: Span,
}

/// Every quotation in `text` (curly or straight double quotes), in order.
pub fn find_quotes(text: &str) -> Vec<QuoteMatch> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '\u{201c}') | (None, '"') => open = Some((i, c)),
            (Some((start, oc)), '\u{201d}') | (Some((start, oc @ '"')), '"')
                if oc == '\u{201c}' || c == '"' =>
            {
                let inner = Span::new(start + oc.len_utf8(), i);
                let words = inner.slice(text).split_whitespace().count();
                if words >= 3 {
                    out.push(QuoteMatch {
                        span: Span::new(start, i + c.len_utf8()),
                        inner,
                    });
                }
                open = None;
            }
            // A paragraph break closes an unbalanced quote.
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}

/// Verbs that introduce what someone said.
pub static SPEECH_VERBS: crate::extract::vocab::WordSet = crate::extract::vocab::WordSet::core(
    &[
        "said",
        "says",
        "say",
        "told",
        "stressed",
        "added",
        "noted",
        "explained",
        "declared",
        "stated",
        "affirmed",
        "insisted",
        "recalled",
        "underlined",
        "underlines",
        "stresses",
        "notes",
        "adds",
        "explains",
        "declares",
        "states",
        "affirms",
        "emphasised",
        "emphasized",
        "warned",
        "announced",
        "confirmed",
        "highlighted",
        "pointed",
        "assured",
        "argued",
        "wrote",
    ],
    1 << 9,
);

/// Speech verbs whose object is the listener ("Felt told O'Connor"), not the speaker.
pub(crate) static OBJECT_VERBS: crate::extract::vocab::WordSet =
    crate::extract::vocab::WordSet::core(
        &[
            "told", "warned", "assured", "informed", "reminded", "asked", "urged",
        ],
        1 << 10,
    );

/// The speaker of a quotation in sentence `s`: the person named nearest to a speech verb,
/// or "according to NAME".
pub fn speaker(s: &Sentence<'_>, names: &[NameMatch], quote: &QuoteMatch) -> Option<NameMatch> {
    let verbs: Vec<usize> = (0..s.toks.len())
        .filter(|&k| {
            let t = &s.toks[k];
            (!t.cap || k == 0)
                && SPEECH_VERBS.contains(t.folded.as_ref())
                && !(t.start >= quote.inner.start && t.end <= quote.inner.end)
        })
        .collect();
    let outside = |m: &&NameMatch| {
        let st = s.toks[m.a].start;
        st < quote.span.start || st >= quote.span.end
    };
    for v in verbs {
        // "NAME said" / "NAME, ..., said": the subject speaks.
        if let Some(m) = names
            .iter()
            .filter(outside)
            .find(|m| m.b == v || (m.b + 1 == v && s.gap_after(m.b - 1).trim() == ","))
        {
            return Some(*m);
        }
        // "said NAME": only verbs that invert; after "told", "warned" the name is the listener.
        if !OBJECT_VERBS.contains(s.f(v)) {
            if let Some(m) = names
                .iter()
                .filter(outside)
                .find(|m| m.a == v + 1 || (m.a == v + 2 && s.f(v + 1) == "by"))
            {
                return Some(*m);
            }
        }
    }
    names
        .iter()
        .filter(outside)
        .find(|m| m.a >= 2 && s.f(m.a - 2) == "according" && s.f(m.a - 1) == "to")
        .copied()
}

/// True when the quotation in `s` is said by "he" or "she" ("…," she told the court;
/// He said: "…"): the speaker is a person named earlier. A quotation of several
/// sentences ends beyond `s`, so the words right after its end are read from `text`.
pub fn pronoun_speaker(text: &str, s: &Sentence<'_>, quote: &QuoteMatch) -> bool {
    let outside =
        |k: usize| s.toks[k].start < quote.span.start || s.toks[k].start >= quote.span.end;
    let in_sentence = (1..s.toks.len()).any(|k| {
        outside(k)
            && outside(k - 1)
            && SPEECH_VERBS.contains(s.f(k))
            && matches!(s.f(k - 1), "he" | "she")
    });
    let after: Vec<String> = text
        .get(quote.span.end..)
        .unwrap_or("")
        .split_whitespace()
        .take(2)
        .map(crate::text::fold)
        .collect();
    let pronoun = |w: &str| matches!(w, "he" | "she");
    let verb = |w: &str| SPEECH_VERBS.contains(w.trim_end_matches(['.', ',', ':']));
    // "she said" or "said she".
    let follows = match after.as_slice() {
        [x, y] => (pronoun(x) && verb(y)) || (verb(x) && pronoun(y.trim_end_matches(['.', ',']))),
        _ => false,
    };
    in_sentence || follows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_straight_and_curly() {
        let t = "He said \u{201c}we will meet again soon\u{201d} and \"ok\" then \"this one counts too\".";
        let q: Vec<&str> = find_quotes(t).iter().map(|q| q.inner.slice(t)).collect();
        assert_eq!(q, ["we will meet again soon", "this one counts too"]);
    }
}
