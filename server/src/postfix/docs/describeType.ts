// A short human description of a value type, for hovers and completion details.
import type { ValueType } from '../valueTypes';

const UNIT_NAMES = {
  en: { s: 'seconds', m: 'minutes', h: 'hours', d: 'days', w: 'weeks' },
  es: { s: 'segundos', m: 'minutos', h: 'horas', d: 'días', w: 'semanas' },
} as const;

const FORMAT_NAMES = {
  en: { hostname: 'host name', domain: 'domain', path: 'file path', address: 'email address', transport: 'transport[:nexthop]', nexthop: 'next hop ([host]:port)', command: 'command', text: 'text', level: 'compatibility level' },
  es: { hostname: 'nombre de máquina', domain: 'dominio', path: 'ruta de fichero', address: 'dirección de correo', transport: 'transporte[:siguiente salto]', nexthop: 'siguiente salto ([máquina]:puerto)', command: 'orden', text: 'texto', level: 'nivel de compatibilidad' },
} as const;

const ITEM_NAMES = {
  en: { domain: 'domains', network: 'networks', address: 'addresses', interface: 'interfaces', name: 'names', parameter: 'parameter names', other: 'items' },
  es: { domain: 'dominios', network: 'redes', address: 'direcciones', interface: 'interfaces', name: 'nombres', parameter: 'nombres de parámetro', other: 'elementos' },
} as const;

export function describeType(type: ValueType, locale: 'en' | 'es'): string {
  const es = locale === 'es';
  switch (type.kind) {
    case 'boolean':
      return es ? 'booleano (yes | no)' : 'boolean (yes | no)';
    case 'integer': {
      const range = type.max !== undefined ? ` ${type.min ?? 0}–${type.max}` : '';
      return (es ? 'número entero' : 'integer') + range;
    }
    case 'time':
      return es
        ? `tiempo (s, m, h, d, w; sin unidad: ${UNIT_NAMES.es[type.defaultUnit]})`
        : `time (s, m, h, d, w; bare number: ${UNIT_NAMES.en[type.defaultUnit]})`;
    case 'size':
      return es ? 'tamaño en bytes' : 'size in bytes';
    case 'enum': {
      const values = type.values.join(' | ');
      if (type.multiple) return es ? `lista de: ${values}` : `list of: ${values}`;
      return values;
    }
    case 'list':
      return es ? `lista de ${ITEM_NAMES.es[type.item]}` : `list of ${ITEM_NAMES.en[type.item]}`;
    case 'lookupTables':
      return es ? (type.single ? 'tabla (tipo:nombre)' : 'tablas de búsqueda (tipo:nombre, ...)') : type.single ? 'table (type:name)' : 'lookup tables (type:name, ...)';
    case 'restrictions':
      return es ? `lista de restricciones (smtpd_${type.list}_restrictions)` : `restriction list (smtpd_${type.list}_restrictions)`;
    case 'string':
      return type.format ? FORMAT_NAMES[locale][type.format] : es ? 'texto' : 'text';
  }
}
