/**
 * @module warning/i18n
 * One i18next instance for the whole process, initialized synchronously from bundled (or operator) resources.
 * Requests never change its language: each takes `getFixedT(lng, 'warning')`, so concurrent requests in
 * different languages cannot leak into each other.
 */

import i18next, { type i18n, type Resource } from 'i18next'
import { BUNDLED_LOCALES } from './locales.js'

/**
 * Creates the instance. Operator resources are merged over the bundled ones key by key (a locale may
 * override one message). Throws nothing: i18next initializes synchronously from in-memory resources.
 */
export const createWarningI18n = (resources: Resource = {}): i18n => {
  const instance = i18next.createInstance()
  void instance.init({
    resources: BUNDLED_LOCALES,
    fallbackLng: 'en',
    ns: ['warning'],
    defaultNS: 'warning',
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0])
  for (const [lng, namespaces] of Object.entries(resources)) {
    for (const [ns, bundle] of Object.entries(namespaces)) {
      instance.addResourceBundle(lng, ns, bundle, true, true)
    }
  }
  return instance
}

/** The languages an instance can speak (those with a `warning` bundle). */
export const languagesOf = (instance: i18n): string[] =>
  Object.keys(instance.store.data).filter((l) => instance.hasResourceBundle(l, 'warning'))
