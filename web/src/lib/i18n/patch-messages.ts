/** What the device keeps for use without a connection (SPEC W-PATCH-1): the wording of the account page's section. */
export const patchEn = {
  patch_heading: 'Kept on this device for use offline',
  patch_intro_own:
    'Every case file of your patch and every meeting you are invited to stay on this device and in step with the server, so they open without a connection.',
  patch_intro_town:
    'The case files you handle or lead and every meeting you are invited to stay on this device. Choose the villages whose case files you also want with you offline.',
  patch_progress: '{held} of {wanted} on this device, {upToDate} up to date',
  patch_kept_size: 'Taking {size}',
  patch_villages_legend: 'Villages to keep on this device',
  patch_village_option: '{village}: {count} case files, about {size}',
  patch_no_village: 'No village recorded',
  patch_whole_town: 'The whole town: {count} case files, about {size}',
  patch_syncing: 'Fetching in the background; you can go on working.',
  patch_all_current: 'All up to date.',
  patch_offline: 'No connection: what is on this device opens all the same.',
} as const;

export const patchZhCN: Record<keyof typeof patchEn, string> = {
  patch_heading: '本机离线保存',
  patch_intro_own: '您辖区的全部案件和受邀参加的全部会议都保存在本机,并与服务器保持同步,没有网络也能打开。',
  patch_intro_town: '您承办或包案的案件、受邀参加的全部会议都保存在本机。还可选择要随身离线保存案件的村。',
  patch_progress: '本机已保存 {held} / {wanted} 份,{upToDate} 份为最新',
  patch_kept_size: '占用 {size}',
  patch_villages_legend: '在本机保存以下村的案件',
  patch_village_option: '{village}:{count} 件,约 {size}',
  patch_no_village: '未登记村',
  patch_whole_town: '全镇:{count} 件,约 {size}',
  patch_syncing: '正在后台下载,您可以继续工作。',
  patch_all_current: '全部为最新。',
  patch_offline: '没有网络:本机已保存的仍可打开。',
};
