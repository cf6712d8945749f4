/** Builds the two structured requests of the stage from versioned prompts and a post. */
import type { FilteredPost } from '../records.ts';
import type { StructuredRequest } from '../llm/types.ts';
import { loadPrompt, renderPrompt, type PromptTemplate } from '../llm/prompts.ts';
import { VALUES, type ValueId } from '../values.ts';
import { CLASSIFY_JSON_SCHEMA, ClassifyAnswerSchema, REWRITE_JSON_SCHEMA, RewriteAnswerSchema, type ClassifyAnswer, type RewriteAnswer } from './answers.ts';
import type { GenerateConfig } from './config.ts';
import { MAX_COPIED_WORDS, longestCopiedRun } from '../text.ts';
import { classifyOffline, rewriteOffline } from './simulate.ts';

export interface StagePrompts {
  classify: PromptTemplate;
  rewrite: PromptTemplate;
}

export function loadStagePrompts(): StagePrompts {
  return { classify: loadPrompt('classify', '1'), rewrite: loadPrompt('rewrite', '2') };
}

export function classifyRequest(prompts: StagePrompts, config: GenerateConfig, post: FilteredPost): StructuredRequest<ClassifyAnswer> {
  return {
    promptId: prompts.classify.id,
    promptVersion: prompts.classify.version,
    messages: renderPrompt(prompts.classify, { title: post.title, text: post.text }),
    responseFormat: CLASSIFY_JSON_SCHEMA as unknown as StructuredRequest<ClassifyAnswer>['responseFormat'],
    parse: ClassifyAnswerSchema,
    temperature: 0,
    maxTokens: config.classify_max_tokens,
    simulate: () => classifyOffline(post.title, post.text),
  };
}

export function rewriteRequest(
  prompts: StagePrompts,
  config: GenerateConfig,
  post: FilteredPost,
  target: ValueId,
  competing: ValueId,
  /** Why blind judges rejected an earlier rewrite of this post (generate --regenerate), or null. */
  objection: string | null = null,
): StructuredRequest<RewriteAnswer> {
  const source = `${post.title}\n${post.text}`;
  // The copy check needs the post, so it is part of this request's parser: a violation gets the repair attempt.
  const parse = RewriteAnswerSchema.superRefine((answer, issues) => {
    for (const [path, text] of [
      ['situation', answer.situation],
      ['option_target.text', answer.option_target.text],
      ['option_competing.text', answer.option_competing.text],
    ] as const) {
      const run = longestCopiedRun(text, source);
      if (run > MAX_COPIED_WORDS) {
        issues.addIssue({ code: 'custom', path: path.split('.'), message: `copies ${run} consecutive words from the post (at most ${MAX_COPIED_WORDS}); paraphrase` });
      }
    }
  });
  const messages = renderPrompt(prompts.rewrite, {
      target_label: VALUES[target].label,
      target_definition: VALUES[target].definition,
      competing_label: VALUES[competing].label,
      competing_definition: VALUES[competing].definition,
      title: post.title,
      text: post.text,
    });
  // The objection is context after the post, like a repair: the prompt itself stays the versioned one.
  if (objection !== null) messages.push({ role: 'user', content: objection });
  return {
    promptId: prompts.rewrite.id,
    promptVersion: prompts.rewrite.version,
    messages,
    responseFormat: REWRITE_JSON_SCHEMA as unknown as StructuredRequest<RewriteAnswer>['responseFormat'],
    parse,
    temperature: config.temperature,
    maxTokens: config.rewrite_max_tokens,
    // The offline stand-in varies its seed so a regenerated scenario differs from the rejected one.
    simulate: () => rewriteOffline(objection === null ? post.id : `${post.id}:regenerated`, post.title, post.text, target, competing),
  };
}
