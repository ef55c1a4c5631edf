// Conditional survey questions as a progressive enhancement (participation/polls): inside
// <div data-module="survey-conditions">, a question marked data-show-if="<key>" and
// data-show-equals="<answer>" is shown only while the earlier question q_<key> has that answer
// ticked. Without JavaScript every question stays on the page with its note «Ответьте, если …»
// and the server skips an answer whose condition does not hold, so hiding here changes nothing
// the server accepts.
export function enhanceSurveyConditions() {
  for (const root of document.querySelectorAll('[data-module="survey-conditions"]')) {
    const questions = [...root.querySelectorAll('[data-question]')];
    const update = () => {
      const hidden = new Set();
      // in page order: a question hidden by its condition counts as unanswered for those after it
      for (const el of questions) {
        const on = el.dataset.showIf;
        if (!on) continue;
        const picked = [...root.querySelectorAll(`[name="q_${on}"]:checked`)].map((i) => i.value);
        el.hidden = hidden.has(on) || !picked.includes(el.dataset.showEquals);
        if (el.hidden) hidden.add(el.dataset.question);
      }
    };
    root.addEventListener('change', update);
    update();
  }
}
enhanceSurveyConditions();
