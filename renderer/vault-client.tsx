// The renderer's only door to main (DESIGN.md "Processes and trust"): it reads
// window.tokenVault once, hands it down through context, and offers hooks whose state comes
// from main and is refreshed on main's events. No component touches window.tokenVault.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type {
  ApiError,
  EntryView,
  events,
  PasswordRules,
  Result,
  Settings,
  TeamMemberView,
  TeamStatusView,
  TokenVaultApi,
  VaultStatus,
} from '../preload/api';
import { t } from './i18n/i18n';

declare global {
  interface Window {
    /** Set by the preload (contextBridge) or, in e2e tests, by the harness. */
    tokenVault?: TokenVaultApi;
  }
}

/** The API object the preload exposed, if any (absent when the page runs outside the app). */
export function readWindowApi(): TokenVaultApi | undefined {
  return window.tokenVault;
}

const ApiContext = createContext<TokenVaultApi | null>(null);

export function VaultClientProvider({
  api,
  children,
}: {
  api: TokenVaultApi;
  children: ReactNode;
}) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): TokenVaultApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs a VaultClientProvider above it');
  return api;
}

/** A transport failure (the bridge threw) becomes an error result, so callers handle one shape. */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: { code: 'internal', message: t('client.noAnswer') } };
  }
}

export interface Remote<T> {
  value: T | undefined;
  error: ApiError | undefined;
  refresh: () => void;
}

/**
 * Fetches one value from main, re-fetches when `refreshKey` changes or `subscribe` fires,
 * and ignores answers that arrive after a newer request was made.
 */
function useRemote<T>(
  fetcher: (api: TokenVaultApi) => Promise<Result<T>>,
  options: {
    enabled?: boolean;
    subscribe?: (api: TokenVaultApi, apply: (value?: T) => void) => () => void;
  } = {},
): Remote<T> & { set: (value: T) => void } {
  const api = useApi();
  const { enabled = true, subscribe } = options;
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void settle(() => fetcher(api)).then((result) => {
      if (!current) return;
      if (result.ok) {
        setValue(result.value);
        setError(undefined);
      } else {
        setError(result.error);
      }
    });
    return () => {
      current = false;
    };
    // `fetcher` is a module-level function at every call site below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, enabled, tick]);

  useEffect(() => {
    if (!enabled || !subscribe) return;
    return subscribe(api, (pushed) => {
      if (pushed === undefined) refresh();
      else setValue(pushed);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, enabled, refresh]);

  return { value, error, refresh, set: setValue };
}

const fetchStatus = (api: TokenVaultApi) => api.getVaultStatus();
const subscribeStatus = (api: TokenVaultApi, apply: (v?: VaultStatus) => void) =>
  api.onVaultStatus((status) => apply(status));

/** Vault status; follows lock/unlock from anywhere (idle timer, tray, suspend). */
export function useVaultStatus(): Remote<VaultStatus> & { set: (status: VaultStatus) => void } {
  return useRemote(fetchStatus, { subscribe: subscribeStatus });
}

const fetchRules = (api: TokenVaultApi) => api.getPasswordRules();

export function usePasswordRules(): Remote<PasswordRules> {
  return useRemote(fetchRules);
}

const fetchSettings = (api: TokenVaultApi) => api.getSettings();
const subscribeSettings = (api: TokenVaultApi, apply: (v?: Settings) => void) =>
  api.onSettings((settings) => apply(settings));

export interface SettingsState extends Remote<Settings> {
  update: (patch: Partial<Settings>) => Promise<Result<Settings>>;
}

/** Settings, kept in step with main; `update` persists through main and adopts its answer. */
export function useSettings(): SettingsState {
  const api = useApi();
  const remote = useRemote(fetchSettings, { subscribe: subscribeSettings });
  const { set } = remote;
  const update = useCallback(
    async (patch: Partial<Settings>) => {
      const result = await settle(() => api.updateSettings(patch));
      if (result.ok) set(result.value);
      return result;
    },
    [api, set],
  );
  return { value: remote.value, error: remote.error, refresh: remote.refresh, update };
}

const fetchTeam = (api: TokenVaultApi) => api.getTeamStatus();
const subscribeTeam = (api: TokenVaultApi, apply: (v?: TeamStatusView) => void) =>
  api.onTeamStatus((status) => apply(status));

/** The Team section's state, kept in step with main (online/offline, invitations). */
export function useTeamStatus(): Remote<TeamStatusView> & { set: (s: TeamStatusView) => void } {
  return useRemote(fetchTeam, { subscribe: subscribeTeam });
}

const fetchMembers = (api: TokenVaultApi) => api.listTeamMembers();
const subscribeMembers = (api: TokenVaultApi, apply: (v?: TeamMemberView[]) => void) =>
  api.onTeamStatus(() => apply());

/** The team's members; fetched again whenever main says the team changed. */
export function useTeamMembers(): Remote<TeamMemberView[]> {
  const { value, error, refresh } = useRemote(fetchMembers, { subscribe: subscribeMembers });
  return { value, error, refresh };
}

const fetchEntries = (api: TokenVaultApi) => api.listEntries();
const subscribeEntries = (api: TokenVaultApi, apply: (v?: EntryView[]) => void) =>
  api.onEntriesChanged(() => apply());

/** Entry metadata; re-fetched whenever main says entries changed (here, CLI, refresh). */
export function useEntries(enabled: boolean): Remote<EntryView[]> {
  const { value, error, refresh } = useRemote(fetchEntries, {
    enabled,
    subscribe: subscribeEntries,
  });
  return { value, error, refresh };
}

type EventMethod = keyof typeof events;
type EventListenerOf<M extends EventMethod> = Parameters<TokenVaultApi[M]>[0];

/**
 * Subscribes a component to one of main's events for as long as it is mounted, e.g.
 * `useVaultEvent('onConnect', (e) => …)` in the Fax.Plus connect dialog. The latest
 * `listener` is always the one called, without re-subscribing on every render.
 */
export function useVaultEvent<M extends EventMethod>(method: M, listener: EventListenerOf<M>) {
  const api = useApi();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    const subscribe = api[method] as (relay: (payload: unknown) => void) => () => void;
    return subscribe((payload) => (latest.current as (payload: unknown) => void)(payload));
  }, [api, method]);
}
