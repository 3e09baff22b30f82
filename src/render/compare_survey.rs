//! The comparison's survey rows (issue 22): one per question of the survey
//! lists show, each headed by the question with the municipality's figure
//! as the reference, each cell the provider's figure as its row carries it.
//! A cell that is not a figure says why in place: "For få svar" links to the
//! note that explains it.

use serde::Serialize;

use super::context::VariantContext;
use super::inputs::Row;
use super::survey_views::{Headline, explanation, municipality_text, scored};
use crate::model::ServiceKind;
use crate::model::survey::Figure;

/// A question as its row's header shows it.
#[derive(Serialize)]
pub struct QuestionHead {
    /// As asked, in every variant.
    pub question: String,
    /// The plain explanation, in the plain variants only.
    pub explanation: Option<String>,
    /// The municipality-wide figure: the reference each cell is read against.
    pub municipality: String,
    /// The question lists show and the survey note is about.
    pub headline: bool,
}

/// One provider's figure for one question.
#[derive(Serialize)]
pub struct SurveyCell {
    pub value: String,
    /// Hidden for too few answers: the cell links to the note.
    pub too_few: bool,
}

/// The rows' headers, in the survey's order, in the words of the service's
/// kind ("bare barnehagene som vises").
pub fn questions(cx: &VariantContext, kind: ServiceKind, headline: &Headline) -> Vec<QuestionHead> {
    let cx = &cx.of_kind(kind);
    let survey = headline.survey();
    survey
        .questions
        .iter()
        .zip(&survey.published)
        .enumerate()
        .map(|(i, (q, p))| QuestionHead {
            question: q.question.clone(),
            explanation: explanation(cx, q),
            municipality: municipality_text(cx, p, true),
            headline: i == survey.headline,
        })
        .collect()
}

/// One provider's cells, one per question, from its row input alone.
pub fn cells(cx: &VariantContext, kind: ServiceKind, headline: &Headline, row: &Row) -> Vec<SurveyCell> {
    let cx = &cx.of_kind(kind);
    let max = headline.survey().scale.max;
    row.survey
        .iter()
        .map(|figure| {
            let figure = figure.as_ref().map(|f| f.0);
            SurveyCell { value: scored(cx, max, figure), too_few: matches!(figure, Some(Figure::TooFew)) }
        })
        .collect()
}
