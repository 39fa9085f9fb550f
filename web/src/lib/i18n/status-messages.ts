/** The sync status in the header and the phone-first home page (SPEC W-STATUS-1, W-STATUS-2, W-PHONE-1). */
export const statusEn = {
  sync_online: 'Online',
  sync_offline: 'Offline',
  sync_connecting: 'Connecting',
  sync_status_label: 'Sync status',
  sync_unsent_count: '{count} waiting to be sent',
  sync_all_sent: 'Everything is on the server',
  sync_last_ack: 'Last change reached the server {time}',
  sync_never_acked: 'No change of this device has reached the server yet',
  sync_unsent_heading: 'Not yet on the server',
  sync_offline_hint: 'Changes are kept on this device and sent when the server is reachable again.',
  sync_kind_case: 'Case',
  sync_kind_meeting: 'Meeting',
  sync_untitled: '(untitled)',
  sync_uploads_pending: 'Attachments waiting to upload: {count}',
} as const;

export const statusZhCN: Record<keyof typeof statusEn, string> = {
  sync_online: '在线',
  sync_offline: '离线',
  sync_connecting: '连接中',
  sync_status_label: '同步状态',
  sync_unsent_count: '{count} 项待发送',
  sync_all_sent: '全部已保存到服务器',
  sync_last_ack: '最近一次送达服务器：{time}',
  sync_never_acked: '本设备尚无修改送达服务器',
  sync_unsent_heading: '尚未送达服务器',
  sync_offline_hint: '修改已保存在本设备，恢复连接后自动发送。',
  sync_kind_case: '案件',
  sync_kind_meeting: '会议',
  sync_untitled: '（无标题）',
  sync_uploads_pending: '{count} 个附件待上传',
} as const;
