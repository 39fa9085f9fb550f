/** Signing out on a shared device, and the device's storage: the wording, kept apart like the other features'. */
export const deviceEn = {
  signout_unsent_heading: 'Not yet sent to the server',
  signout_unsent_intro:
    'This device has changes the server has not received yet. Signing out deletes everything of yours from this device, these changes with it:',
  signout_unsent_case: 'Case file',
  signout_unsent_meeting: 'Joint meeting',
  signout_unsent_uploads: 'Photos, voice notes or files not yet uploaded: {count}',
  signout_untitled: '(no title yet)',
  signout_stay: 'Stay signed in and send them',
  signout_stay_hint: 'Connect to the network and keep the app open until they are sent.',
  signout_discard: 'Sign out and discard them',
  signout_busy: 'Signing out…',
  storage_heading: 'Storage on this device',
  storage_persistence: 'Kept for good',
  storage_persisted: 'Yes: the browser will not clear the app’s data to make room',
  storage_not_persisted: 'No: the browser may clear the app’s data when the device runs out of space',
  storage_unknown: 'This browser does not say',
  storage_used: 'Used by the app',
  storage_available: 'Still available',
} as const;

export const deviceZhCN: Record<keyof typeof deviceEn, string> = {
  signout_unsent_heading: '尚未发送到服务器',
  signout_unsent_intro:
    '本设备上有服务器尚未收到的修改。退出登录会删除本设备上您的全部数据,这些修改也会一并删除:',
  signout_unsent_case: '案件',
  signout_unsent_meeting: '联席会议',
  signout_unsent_uploads: '尚未上传的照片、录音或文件：{count} 个',
  signout_untitled: '(尚无标题)',
  signout_stay: '保持登录并发送',
  signout_stay_hint: '请连接网络,并保持应用打开,直到发送完成。',
  signout_discard: '退出登录并丢弃',
  signout_busy: '正在退出…',
  storage_heading: '本设备的存储',
  storage_persistence: '持久保存',
  storage_persisted: '是:浏览器不会为腾出空间而清除本应用的数据',
  storage_not_persisted: '否:设备空间不足时,浏览器可能清除本应用的数据',
  storage_unknown: '此浏览器未提供该信息',
  storage_used: '本应用已用',
  storage_available: '尚可使用',
};
