// The Team section (issue 15): connect a database (make a team or ask to join one), see who
// is in it, invite a pending member by the fingerprint they read out, remove a member (the
// key is rotated; they keep what they saw, and the app says so). The connection string goes
// to main once and is sealed there; this page never holds it after the request.
import { useState, type FormEvent } from 'react';
import type { TeamMemberView, TeamStatusView } from '../../../preload/api';
import { errorText } from '../../i18n/api-errors';
import { formatDateTime, t } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Dialog } from '../../ui/dialog';
import { FormFooter } from '../../ui/form-footer';
import { SelectField } from '../../ui/select-field';
import { TextField } from '../../ui/text-field';
import { useToast } from '../../ui/toast';
import { settle, useApi, useTeamMembers, useTeamStatus } from '../../vault-client';
import './team.css';

export function TeamScreen() {
  const team = useTeamStatus();
  const status = team.value;
  return (
    <section className="settings team" aria-labelledby="team-title">
      <h2 id="team-title" className="settings__title">
        {status?.member && status.teamName
          ? t('team.heading', { team: status.teamName })
          : t('team.title')}
      </h2>
      {!status ? (
        <p role="status">{team.error ? errorText(team.error) : t('team.loading')}</p>
      ) : status.member ? (
        <TeamMembers status={status} onStatus={team.set} />
      ) : (
        <ConnectTeamForm onConnected={team.set} />
      )}
    </section>
  );
}

function ConnectTeamForm({ onConnected }: { onConnected: (status: TeamStatusView) => void }) {
  const api = useApi();
  const toast = useToast();
  const [mode, setMode] = useState<'init' | 'join'>('join');
  const [connectionString, setConnectionString] = useState('');
  const [name, setName] = useState('');
  const [teamName, setTeamName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; text: string } | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await settle(() =>
      api.connectTeam({
        mode,
        connectionString: connectionString.trim(),
        name: name.trim(),
        ...(teamName.trim() ? { teamName: teamName.trim() } : {}),
      }),
    );
    setBusy(false);
    if (result.ok) {
      // Main has sealed it; nothing of it stays in this page.
      setConnectionString('');
      toast.show(t('team.connected', { team: result.value.teamName ?? '' }), 'success');
      onConnected(result.value);
    } else {
      const field = result.error.field;
      setError({ ...(field ? { field } : {}), text: errorText(result.error) });
    }
  };

  return (
    <form className="settings__form" onSubmit={submit} noValidate>
      <p className="team__intro">{t('team.intro')}</p>
      <fieldset className="settings__group">
        <SelectField
          label={t('team.mode')}
          value={mode}
          onChange={(e) => setMode(e.target.value === 'init' ? 'init' : 'join')}
          options={[
            { value: 'join', label: t('team.mode.join') },
            { value: 'init', label: t('team.mode.init') },
          ]}
        />
        <TextField
          label={t('team.connection')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={connectionString}
          onChange={(e) => setConnectionString(e.target.value)}
          hint={t('team.connection.hint')}
          error={error?.field === 'connectionString' ? error.text : undefined}
          required
        />
        <TextField
          label={t('team.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          hint={t('team.name.hint')}
          autoComplete="off"
          required
        />
        <TextField
          label={t('team.teamName')}
          value={teamName}
          onChange={(e) => setTeamName(e.target.value)}
          hint={t('team.teamName.hint')}
          autoComplete="off"
        />
      </fieldset>
      {error && error.field !== 'connectionString' ? (
        <p className="settings__error" role="alert">
          {error.text}
        </p>
      ) : null}
      <div className="settings__actions">
        <Button
          type="submit"
          variant="primary"
          busy={busy}
          disabled={!connectionString.trim() || !name.trim()}
        >
          {t('team.connect')}
        </Button>
      </div>
    </form>
  );
}

const statusKey = {
  pending: 'team.status.pending',
  active: 'team.status.active',
  removed: 'team.status.removed',
} as const;

function TeamMembers({
  status,
  onStatus,
}: {
  status: TeamStatusView;
  onStatus: (status: TeamStatusView) => void;
}) {
  const api = useApi();
  const toast = useToast();
  const membersRemote = useTeamMembers();
  const members = membersRemote.value;
  const loadError = membersRemote.error ? errorText(membersRemote.error) : undefined;
  const load = membersRemote.refresh;
  const [checking, setChecking] = useState(false);
  const [inviting, setInviting] = useState<TeamMemberView | undefined>();
  const [removing, setRemoving] = useState<TeamMemberView | undefined>();
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | undefined>();
  const [typed, setTyped] = useState('');

  const me = members?.find((m) => m.you);
  const admin = me?.admin === true && me.status === 'active';

  const check = async () => {
    setChecking(true);
    const result = await settle(() => api.syncTeam());
    setChecking(false);
    if (result.ok) onStatus(result.value);
    else toast.show(errorText(result.error), 'error');
    await load();
  };

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    if (!inviting) return;
    setBusy(true);
    const result = await settle(() =>
      api.inviteTeamMember({ name: inviting.name, fingerprint: typed.trim() }),
    );
    setBusy(false);
    if (result.ok) {
      toast.show(t('team.invite.done', { name: inviting.name }), 'success');
      setInviting(undefined);
      setTyped('');
      await load();
    } else setDialogError(errorText(result.error));
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    const result = await settle(() => api.removeTeamMember({ name: removing.name }));
    setBusy(false);
    if (result.ok) {
      const labels = result.value.rotate.map((l) => `“${l}”`).join(', ');
      toast.show(
        labels
          ? t('team.remove.done', { name: removing.name, labels })
          : t('team.remove.doneNone', { name: removing.name }),
        'success',
      );
      setRemoving(undefined);
      await load();
    } else setDialogError(errorText(result.error));
  };

  return (
    <>
      {status.offlineSince !== undefined ? (
        <div className="notice notice--warning" role="status">
          <p className="notice__body">
            {t('team.offline', { when: formatDateTime(status.offlineSince) })}
          </p>
          <Button variant="secondary" busy={checking} onClick={() => void check()}>
            {t('team.check')}
          </Button>
        </div>
      ) : null}
      {status.active ? (
        <p className="team__you">
          {t('team.you', { name: status.name ?? '', fingerprint: status.fingerprint ?? '' })}
        </p>
      ) : (
        <div className="notice" role="status">
          <p className="notice__body">
            {t('team.pending', { fingerprint: status.fingerprint ?? '' })}
          </p>
          <Button variant="secondary" busy={checking} onClick={() => void check()}>
            {t('team.check')}
          </Button>
        </div>
      )}
      {status.unreadable > 0 && status.active ? (
        <p className="team__unreadable">{t('team.unreadable', { count: status.unreadable })}</p>
      ) : null}
      <h3 className="settings__legend">{t('team.members')}</h3>
      {/* Offline is said once, above; the table keeps what it last showed. */}
      {loadError && status.offlineSince === undefined ? (
        <p className="settings__error" role="alert">
          {loadError}
        </p>
      ) : null}
      {members ? (
        <table className="team__members">
          <thead>
            <tr>
              <th scope="col">{t('team.member.name')}</th>
              <th scope="col">{t('team.member.fingerprint')}</th>
              <th scope="col">{t('team.member.status')}</th>
              <th scope="col">{t('team.member.role')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('team.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.name}>
                <td>{m.you ? t('team.member.you', { name: m.name }) : m.name}</td>
                <td>
                  <code>{m.fingerprint}</code>
                </td>
                <td>{t(statusKey[m.status])}</td>
                <td>{m.admin ? t('team.role.admin') : t('team.role.member')}</td>
                <td>
                  {admin && m.status === 'pending' ? (
                    <Button
                      onClick={() => {
                        setDialogError(undefined);
                        setTyped('');
                        setInviting(m);
                      }}
                    >
                      {t('team.invite')}
                    </Button>
                  ) : null}
                  {admin && m.status === 'active' && !m.you ? (
                    <Button
                      variant="danger"
                      onClick={() => {
                        setDialogError(undefined);
                        setRemoving(m);
                      }}
                    >
                      {t('team.remove')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {inviting ? (
        <Dialog
          title={t('team.invite.title', { name: inviting.name })}
          onClose={() => setInviting(undefined)}
          footer={
            <FormFooter
              formId="team-invite"
              submitLabel={t('team.invite.submit')}
              cancelLabel={t('team.cancel')}
              onCancel={() => setInviting(undefined)}
              busy={busy}
            />
          }
        >
          <form id="team-invite" onSubmit={invite} noValidate>
            <TextField
              label={t('team.invite.fingerprint', { name: inviting.name })}
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                setDialogError(undefined);
              }}
              hint={t('team.invite.hint', {
                name: inviting.name,
                fingerprint: inviting.fingerprint,
              })}
              error={dialogError}
              autoComplete="off"
              spellCheck={false}
              required
            />
          </form>
        </Dialog>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('team.remove.title', { name: removing.name })}
          message={t('team.remove.message', { name: removing.name })}
          confirmLabel={t('team.remove.confirm')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(undefined)}
        >
          {dialogError ? (
            <p className="settings__error" role="alert">
              {dialogError}
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
