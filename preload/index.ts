// The preload of the sandboxed window: it exposes ONE object, `window.tokenVault`, built from
// the contract (security.md 8, conventions 2). Never ipcRenderer, never an Electron event:
// listeners receive the payload only, so the page can't reach ipcRenderer through `event.sender`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi, type Invoke, type Subscribe } from './api';

const invoke: Invoke = (channel, payload) => ipcRenderer.invoke(channel, payload);

const subscribe: Subscribe = (event, listener) => {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};

contextBridge.exposeInMainWorld('tokenVault', createApi(invoke, subscribe));
