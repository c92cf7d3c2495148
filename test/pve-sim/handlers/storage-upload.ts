// Storage uploads and template downloads: POST .../storage/{storage}/upload (multipart, an imgcopy task) and the
// appliance index (GET /nodes/{node}/aplinfo) with its download (POST, a "download" task), both creating storage content.
import type { HandlerRegistry } from '../http/types.js';
import { paramError } from '../http/types.js';
import { takeUploadedFile } from '../http/multipart.js';
import type { Volume } from '../cluster/model.js';
import { fail, str, type SimCore } from './common.js';

/** What pveam's index lists (a short, realistic excerpt). */
export const APPLIANCES = [
  {
    os: 'debian-13',
    package: 'debian-13-standard',
    version: '13.1-2',
    section: 'system',
    headline: 'Debian 13 (standard)',
    template: 'debian-13-standard_13.1-2_amd64.tar.zst',
    size: 129_857_213,
  },
  {
    os: 'ubuntu-24.04',
    package: 'ubuntu-24.04-standard',
    version: '24.04-2',
    section: 'system',
    headline: 'Ubuntu 24.04 (standard)',
    template: 'ubuntu-24.04-standard_24.04-2_amd64.tar.zst',
    size: 141_723_118,
  },
  {
    os: 'alpine-3.22',
    package: 'alpine-3.22-default',
    version: '20250617',
    section: 'system',
    headline: 'Alpine Linux 3.22',
    template: 'alpine-3.22-default_20250617_amd64.tar.xz',
    size: 3_061_988,
  },
  {
    os: 'rockylinux-9',
    package: 'rockylinux-9-default',
    version: '20240912',
    section: 'system',
    headline: 'Rocky Linux 9',
    template: 'rockylinux-9-default_20240912_amd64.tar.xz',
    size: 96_112_540,
  },
] as const;

const EXTENSIONS: Record<string, RegExp> = {
  iso: /\.(img|iso)$/i,
  vztmpl: /\.tar\.([gx]z|zst|bz2)$/i,
  import: /\.(ova|qcow2|raw|vmdk)$/i,
};

/** PVE normalises the name: every character outside [-_.+a-zA-Z0-9] becomes '_'. */
const normalise = (name: string): string => name.replace(/[^-_.+a-zA-Z0-9]/g, '_');

const formatOf = (file: string): string =>
  file.endsWith('.iso') || file.endsWith('.img')
    ? 'iso'
    : /\.tar\.zst$/.test(file)
      ? 'tzst'
      : /\.tar\.xz$/.test(file)
        ? 'txz'
        : 'tgz';

export function registerStorageUpload(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  function addVolume(
    node: string,
    storage: string,
    content: 'iso' | 'vztmpl',
    file: string,
    size: number,
  ): void {
    const s = state.storage(storage);
    const v: Volume = {
      volid: `${storage}:${content}/${file}`,
      storage,
      node: s.shared ? undefined : node,
      content,
      format: formatOf(file),
      size,
      ctime: state.nowSec(),
    };
    state.volumes = state.volumes.filter(
      (x) => !(x.volid === v.volid && (x.node === undefined || x.node === node)),
    );
    state.volumes.push(v);
    state.bump();
  }

  reg.add('POST', '/nodes/{node}/storage/{storage}/upload', (req) => {
    const node = state.node(str(req, 'node')).name;
    const s = state.storage(str(req, 'storage'));
    const content = str(req, 'content');
    const tmp = str(req, 'tmpfilename');
    const file = normalise(str(req, 'filename'));
    if (content !== 'iso' && content !== 'vztmpl') throw fail(`upload content type '${content}' not allowed`);
    if (!s.content.includes(content)) throw fail(`storage '${s.id}' does not support '${content}' content`);
    if (!EXTENSIONS[content]!.test(file)) throw paramError({ filename: 'wrong file extension' });
    const data = takeUploadedFile(tmp);
    if (!data) throw fail(`temporary file '${tmp}' does not exist`);
    const dir = content === 'iso' ? 'template/iso' : 'template/cache';
    return core.tasks.start({
      node,
      type: 'imgcopy',
      id: '',
      principal: req.principal,
      run: async (t) => {
        t.log(`starting file import from: ${tmp}`);
        t.log(`target node: ${node}`);
        t.log(`target file: /var/lib/vz/${dir}/${file}`);
        t.log(`file size is: ${data.length}`);
        t.log(`command: cp -- ${tmp} /var/lib/vz/${dir}/${file}`);
        await t.wait();
        addVolume(node, s.id, content, file, data.length);
        t.log('finished file import successfully');
      },
    });
  });

  reg.add('GET', '/nodes/{node}/aplinfo', (req) => {
    state.node(str(req, 'node'));
    return APPLIANCES.map(({ size: _size, ...a }) => ({
      ...a,
      type: 'lxc',
      architecture: 'amd64',
      maintainer: 'Proxmox Support Team <support@proxmox.com>',
      description: `${a.headline} container image`,
      infopage: 'https://pve.proxmox.com/wiki/Linux_Container',
      location: `http://download.proxmox.com/images/system/${a.template}`,
      source: 'http://download.proxmox.com/images/system',
      sha512sum: '0'.repeat(128),
    }));
  });

  reg.add('POST', '/nodes/{node}/aplinfo', (req) => {
    const node = state.node(str(req, 'node')).name;
    const s = state.storage(str(req, 'storage'));
    const template = str(req, 'template');
    const app = APPLIANCES.find((a) => a.template === template);
    if (!app) throw paramError({ template: 'no such template' });
    if (!s.content.includes('vztmpl')) throw fail(`storage '${s.id}' does not support templates`);
    return core.tasks.start({
      node,
      type: 'download',
      id: template,
      principal: req.principal,
      run: async (t) => {
        t.log(`starting template download from: http://download.proxmox.com/images/system/${template}`);
        t.log(`target file: /var/lib/vz/template/cache/${template}`);
        await t.wait();
        t.log(`${Math.round(app.size / 1048576)}.00 MiB downloaded`);
        addVolume(node, s.id, 'vztmpl', template, app.size);
        t.log(
          `download of 'http://download.proxmox.com/images/system/${template}' to '/var/lib/vz/template/cache/${template}' finished`,
        );
      },
    });
  });
}
