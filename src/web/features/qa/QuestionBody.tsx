import { useI18n } from '../../i18n/i18n.js';
import { QA_NAMESPACES } from './labels.js';
import type { QaQuestionView } from './api.js';

/** A question with its badges and answer; shared by the live page and the console. */
export function QuestionBody({ question }: { question: QaQuestionView }) {
  const { t } = useI18n(QA_NAMESPACES);
  return (
    <>
      <p class="badges">
        {question.pinned && <span class="badge qa-badge-pinned">{t('qa.question.pinned')}</span>}
        {question.answer && (
          <span class="badge qa-badge-answered">{t('qa.question.answered')}</span>
        )}
        {question.isMine && <span class="badge">{t('qa.question.mine')}</span>}
        {question.status === 'pending' && <span class="badge">{t('qa.question.pending')}</span>}
        {question.isSuspect && <span class="badge badge-rejected">{t('qa.console.suspect')}</span>}
      </p>
      <p class="qa-question-text">{question.text}</p>
      <small class="muted">
        {question.pseudonym} · {t('qa.votes', { count: question.votes })}
      </small>
      {question.status === 'hidden' && (
        <p class="note note-error">
          {t('qa.question.hidden', { reason: question.hiddenReason ?? '' })}
        </p>
      )}
      {question.answer && (
        <div class="qa-answer">
          <small class="muted">{t('qa.answered_by', { name: question.answer.by })}</small>
          {/* Rendered from Markdown and sanitised on the server. */}
          <div dangerouslySetInnerHTML={{ __html: question.answer.html }} />
          {question.answer.history.length > 0 && (
            <details>
              <summary>
                {t('qa.question.history', { count: question.answer.history.length })}
              </summary>
              {question.answer.history.map((version) => (
                <div
                  key={version.at}
                  class="qa-answer-old"
                  dangerouslySetInnerHTML={{ __html: version.html }}
                />
              ))}
            </details>
          )}
        </div>
      )}
    </>
  );
}
