//! Grouping everyone's spans into passages: a span joins a cluster when it overlap-matches
//! (IoU ≥ 0.5) a member from another annotator. Used as the units of the speaker α and as the
//! candidate passages of a key.

use crate::core::document::AnnotationKind;
use crate::core::text::CharRange;

use super::input::{find, union, Annotator, Span};
use super::matching::overlap_matches;

/// One span in a cluster, by annotator index and span index within that annotator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    pub annotator: usize,
    pub span: usize,
}

/// Clusters of spans of one kind, each sorted by (start, end, annotator), clusters in order of
/// their earliest member. Linking happens only across annotators, so an annotator's own nested
/// spans do not chain together; transitively, though, one annotator can still appear twice in a
/// cluster, and callers decide what that means.
pub fn cluster_spans(annotators: &[Annotator], kind: AnnotationKind) -> Vec<Vec<Member>> {
    let members: Vec<(Member, &Span)> = annotators
        .iter()
        .enumerate()
        .flat_map(|(a, annotator)| {
            annotator
                .spans
                .iter()
                .enumerate()
                .filter(|(_, span)| span.kind == kind && !span.range.is_empty())
                .map(move |(s, span)| {
                    (
                        Member {
                            annotator: a,
                            span: s,
                        },
                        span,
                    )
                })
        })
        .collect();
    let mut order: Vec<usize> = (0..members.len()).collect();
    let range_of = |index: usize| -> CharRange { members[index].1.range };
    order.sort_by_key(|&index| (range_of(index), members[index].0.annotator, index));

    let mut parent: Vec<usize> = (0..members.len()).collect();
    let mut active: Vec<usize> = Vec::new();
    for &index in &order {
        let range = range_of(index);
        active.retain(|&other| range_of(other).end > range.start);
        for &other in &active {
            if members[other].0.annotator != members[index].0.annotator
                && overlap_matches(range_of(other), range)
            {
                union(&mut parent, other, index);
            }
        }
        active.push(index);
    }

    let mut cluster_of_root: std::collections::HashMap<usize, usize> = Default::default();
    let mut clusters: Vec<Vec<Member>> = Vec::new();
    for &index in &order {
        let root = find(&mut parent, index);
        let cluster = *cluster_of_root.entry(root).or_insert_with(|| {
            clusters.push(Vec::new());
            clusters.len() - 1
        });
        clusters[cluster].push(members[index].0);
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_link_across_annotators_only() {
        let a = Annotator::new("a", vec![Span::quote(0, 10, None), Span::quote(0, 6, None)]);
        let b = Annotator::new(
            "b",
            vec![Span::quote(1, 10, None), Span::quote(40, 50, None)],
        );
        let clusters = cluster_spans(&[a, b], AnnotationKind::Quote);
        // a's [0,6) never links to a's own [0,10), but it links to b's [1,10) (IoU 5/10 = 0.5)
        // as does a's [0,10) (IoU 0.9), so all three chain into one cluster; [40,50) is alone.
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].len(), 3);
        assert_eq!(
            clusters[1],
            vec![Member {
                annotator: 1,
                span: 1
            }]
        );
    }
}
