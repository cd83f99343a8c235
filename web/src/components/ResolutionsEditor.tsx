// The meeting page's agenda items (issue #14 item 2 on the web): each item's decision type fixes
// the majority the law requires (art. 3.87 §8, art. 3.88); the majority select offers only that
// one and stricter ones, so a lower majority cannot be picked (the API refuses it anyway).
import {
  DECISION_TYPE_KEYS,
  DECISION_TYPES,
  type DecisionType,
  isAtLeast,
  type Majority,
  requiredMajority,
} from '@koprogo/domain/assembly'
import { createResource, createSignal, For, type JSX, Show } from 'solid-js'
import type { Resolution } from '../lib/api'
import * as api from '../lib/api'
import { decisionLabel, majorityLabel } from '../lib/assembly/labels'
import { allowedMajorities } from '../lib/assembly/majorities'
import { errorText } from '../lib/error-text'
import { t } from '../lib/i18n'
import { value } from '../lib/resource-value'
import { ConfirmButton } from './ConfirmButton'
import { Notice } from './Notice'

/** Read-only list (owners, a meeting already held) or editor (syndic, before the meeting). */
export function ResolutionsEditor(props: { meetingId: string; editable: boolean }): JSX.Element {
  const [rev, setRev] = createSignal(0)
  const [items, { mutate }] = createResource(
    () => ({ id: props.meetingId, rev: rev() }),
    async ({ id }) => (await api.assembly.resolutions(id)).data,
  )
  const [error, setError] = createSignal<string | null>(null)
  const [saved, setSaved] = createSignal<string | null>(null)
  const run = async (fn: () => Promise<unknown>) => {
    setError(null)
    setSaved(null)
    try {
      await fn()
      setSaved(t('agendaEd.saved'))
      setRev((n) => n + 1)
    } catch (e) {
      setError(errorText(e))
    }
  }
  const list = (): Resolution[] => [...(value(items) ?? [])].sort((a, b) => a.position - b.position)

  return (
    <section class="card" aria-labelledby="resolutions-title" data-testid="resolutions">
      <h2 id="resolutions-title">{t('agendaEd.title')}</h2>
      <ol class="plain list resolutions">
        <For each={list()} fallback={<li class="muted">{t('agendaEd.none')}</li>}>
          {(r) => (
            <li class="line resolution" data-testid="resolution">
              <Show
                when={props.editable}
                fallback={
                  <div>
                    <strong>{r.title}</strong>
                    <Show when={r.proposed_decision}>
                      <p>{r.proposed_decision}</p>
                    </Show>
                    <p class="muted" data-testid="resolution-majority">
                      {decisionLabel(r.decision_type)} · {majorityLabel(r.majority)}
                    </p>
                  </div>
                }
              >
                <ResolutionForm
                  idPrefix={`res-${r.id}`}
                  initial={r}
                  submitLabel={t('agendaEd.save')}
                  onSubmit={(body) =>
                    run(() => api.assembly.updateResolution(props.meetingId, r.id, body, r.version))
                  }
                />
                <ConfirmButton
                  label={t('agendaEd.delete')}
                  onConfirm={() =>
                    run(async () => {
                      await api.assembly.removeResolution(props.meetingId, r.id)
                      mutate((prev) => prev?.filter((x) => x.id !== r.id))
                    })
                  }
                />
              </Show>
            </li>
          )}
        </For>
      </ol>
      <Show when={props.editable}>
        <h3>{t('agendaEd.newItem')}</h3>
        <ResolutionForm
          idPrefix="res-new"
          submitLabel={t('agendaEd.add')}
          reset
          onSubmit={(body) => run(() => api.assembly.createResolution(props.meetingId, body))}
        />
      </Show>
      <Notice kind="error" message={error()} />
      <Notice kind="success" message={saved()} />
    </section>
  )
}

export interface ResolutionBody {
  title: string
  proposed_decision: string
  decision_type: DecisionType
  majority: Majority
}

function ResolutionForm(props: {
  idPrefix: string
  initial?: Resolution
  submitLabel: string
  reset?: boolean
  onSubmit: (body: ResolutionBody) => Promise<void>
}): JSX.Element {
  const [title, setTitle] = createSignal(props.initial?.title ?? '')
  const [proposal, setProposal] = createSignal(props.initial?.proposed_decision ?? '')
  const [type, setType] = createSignal<DecisionType>(
    (props.initial?.decision_type as DecisionType) ?? 'ordinary',
  )
  const [majority, setMajority] = createSignal<Majority>(
    (props.initial?.majority as Majority) ?? requiredMajority(type()),
  )
  const id = (f: string) => `${props.idPrefix}-${f}`
  const changeType = (next: DecisionType) => {
    setType(next)
    // A stricter majority chosen before stays; a now-too-low one moves up to the required one.
    if (!isAtLeast(majority(), requiredMajority(next))) setMajority(requiredMajority(next))
  }
  return (
    <form
      class="resolution-form"
      onSubmit={async (e) => {
        e.preventDefault()
        if (!title().trim()) return
        await props.onSubmit({
          title: title().trim(),
          proposed_decision: proposal().trim(),
          decision_type: type(),
          majority: majority(),
        })
        if (props.reset) {
          setTitle('')
          setProposal('')
          changeType('ordinary')
          setMajority('absolute')
        }
      }}
    >
      <div class="field">
        <label for={id('title')}>{t('agendaEd.itemTitle')}</label>
        <input id={id('title')} required value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={id('proposal')}>{t('agendaEd.proposal')}</label>
        <textarea
          id={id('proposal')}
          rows="2"
          value={proposal()}
          onInput={(e) => setProposal(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={id('type')}>{t('agendaEd.decisionType')}</label>
        <select
          id={id('type')}
          value={type()}
          onChange={(e) => changeType(e.currentTarget.value as DecisionType)}
        >
          <For each={DECISION_TYPE_KEYS}>{(d) => <option value={d}>{decisionLabel(d)}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for={id('majority')}>{t('agendaEd.majority')}</label>
        <select
          id={id('majority')}
          value={majority()}
          aria-describedby={id('required')}
          onChange={(e) => setMajority(e.currentTarget.value as Majority)}
        >
          <For each={allowedMajorities(type())}>{(m) => <option value={m}>{majorityLabel(m)}</option>}</For>
        </select>
        <p class="hint" id={id('required')} data-testid="required-majority">
          {t('agendaEd.required', {
            majority: majorityLabel(requiredMajority(type())),
            article: DECISION_TYPES[type()].article,
          })}
        </p>
      </div>
      <button type="submit">{props.submitLabel}</button>
    </form>
  )
}
