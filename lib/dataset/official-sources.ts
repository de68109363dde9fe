/**
 * Which source pages count as official for issue 15's rule "every person, office and event
 * cites at least one official page": the UN's own sites (un.org and its subdomains, missions,
 * information centres), the sites of the bodies of the UN system and of the intergovernmental
 * bodies the dataset covers, and governments' own sites. Everything else (news, reference works,
 * reprints) may back a fact too, but not alone.
 */
const OFFICIAL_SUFFIXES: readonly string[] = [
  // The UN itself: headquarters, offices, missions, information centres, archives.
  'un.org',
  'un.int',
  'unmissions.org',
  'unvienna.org',
  'ungeneva.org',
  'unognewsroom.org',
  'unmultimedia.org',
  'unric.org',
  'unic.or.jp',
  'unicrio.org.br',
  'unon.org',
  'uniraq.org',
  'reliefweb.int',
  'unaoc.org',
  // Funds, programmes, specialized agencies, related organizations, convention secretariats.
  'unfccc.int',
  'cbd.int',
  'unccd.int',
  'who.int',
  'worldbank.org',
  'imf.org',
  'unhcr.org',
  'itu.int',
  'wipo.int',
  'ctbto.org',
  'iom.int',
  'imo.org',
  'icao.int',
  'wto.org',
  'ifad.org',
  'wmo.int',
  'ilo.org',
  'opcw.org',
  'icj-cij.org',
  'unctad.org',
  'unescwa.org',
  'unodc.org',
  'iaea.org',
  'unido.org',
  'unido.or.jp',
  'unido.ru',
  'fao.org',
  'upu.int',
  'uneca.org',
  'ohchr.org',
  'unicef.org',
  'unesco.org',
  'unhabitat.org',
  'unocha.org',
  'unep.org',
  'unep.ch',
  'unaids.org',
  'unfpa.org',
  'wfp.org',
  'undp.org',
  'unops.org',
  'unwto.org',
  'unwomen.org',
  'unece.org',
  'unescap.org',
  'eclac.org',
  'cepal.org',
  'unfoodsystemshub.org',
  'ipcc.ch',
  'isa.org.jm',
  'itlos.org',
  'pca-cpa.org',
  'cites.org',
  'ramsar.org',
  'gavi.org',
  'theglobalfund.org',
  'greenclimate.fund',
  'thegef.org',
  'unoda.org',
  'unscn.org',
  'unrwa.org',
  'unv.org',
  'unitar.org',
  'unu.edu',
  'unicri.it',
  'unidir.org',
  // Intergovernmental bodies beside the UN.
  'nato.int',
  'coe.int',
  'osce.org',
  'asean.org',
  'icc-cpi.int',
  'oic-oci.org',
  'europa.eu',
  'au.int',
  'eu.int',
  'leagueofarabstates.net',
  'opec.org',
  'icrc.org',
  'ifrc.org',
  'oecd.org',
  'afdb.org',
  'adb.org',
  'oas.org',
  'ecowas.int',
  'sadc.int',
  'igad.int',
  'caricom.org',
  'sica.int',
  'mercosur.int',
  'apec.org',
  'saarc-sec.org',
];

/** Whether a source URL is an official page (see above). */
export function isOfficialSource(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (OFFICIAL_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`))) return true;
  // A government's own site: .gov, .gov.xx, .gouv.xx, .gob.xx, admin.ch.
  return (
    /(^|\.)(gov|gouv|gob)(\.[a-z]{2})?$/.test(host) ||
    ['admin.ch', 'um.fi', 'auswaertiges-amt.de'].some((g) => host === g || host.endsWith(`.${g}`))
  );
}
