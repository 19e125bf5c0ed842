<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptedPage</name>
    <message>
        <source>承诺办结</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <source>收取材料</source>
        <translation>Materials received</translation>
    </message>
    <message>
        <source>默认：事项的办理地点</source>
        <translation>Default: the item&apos;s service location</translation>
    </message>
    <message>
        <source>领取地点</source>
        <translation>Pick-up location</translation>
    </message>
    <message>
        <source>承诺时限按工作日计算，自受理次日起算，节假日和调休已计入。</source>
        <translation>Promised time limits count working days from the day after acceptance; holidays and make-up workdays are taken into account.</translation>
    </message>
    <message>
        <source>请先选择办理事项</source>
        <translation>Choose a service item first</translation>
    </message>
    <message>
        <source>{date} 前办结（{days} 个工作日）</source>
        <translation>Done by {date} ({days} working day(s))</translation>
    </message>
    <message>
        <source>即办件，当日办结</source>
        <translation>On-the-spot item: done today</translation>
    </message>
    <message>
        <source>{name}（{form} {copies} 份）</source>
        <translation>{name} ({form}, {copies} copies)</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <source>请 {ticket} 号到 {counter}办理</source>
        <translation>Ticket {ticket}, please go to {counter}</translation>
    </message>
</context>
<context>
    <name>CallBanner</name>
    <message>
        <source>正在叫号</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <source>请留意叫号</source>
        <translation>Please wait for your number</translation>
    </message>
    <message>
        <source>请</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>号</source>
        <translatorcomment>Zero-width space: the English sentence needs no word here (“Ticket A015 / Please go to Counter 3”); a translation must not be empty.</translatorcomment>
        <translation>​</translation>
    </message>
    <message>
        <source>到</source>
        <translation>Please go to</translation>
    </message>
    <message>
        <source>办理</source>
        <translatorcomment>Zero-width space: “Please go to Counter 3” needs no trailing word.</translatorcomment>
        <translation>​</translation>
    </message>
</context>
<context>
    <name>CallDisplay</name>
    <message>
        <source>叫号大屏</source>
        <translation>Call Display</translation>
    </message>
    <message>
        <source>政务服务中心</source>
        <translation>Government Service Center</translation>
    </message>
    <message>
        <source>叫号信息 · 请留意屏幕和广播</source>
        <translation>Calls · please watch the screen and listen for announcements</translation>
    </message>
    <message>
        <source>最近叫号</source>
        <translation>Recent calls</translation>
    </message>
    <message>
        <source>暂无</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>各窗口当前号码</source>
        <translation>Now serving at each counter</translation>
    </message>
    <message>
        <source>等候人数</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>连接中断，正在重连…</source>
        <translation>Connection lost, reconnecting…</translation>
    </message>
    <message>
        <source>人</source>
        <translatorcomment>Zero-width space: the row is headed “Waiting”, the count needs no unit, and “waiting” after every queue does not fit the display.</translatorcomment>
        <translation>​</translation>
    </message>
    <message>
        <source>yyyy年M月d日 dddd</source>
        <translation>dddd, MMMM d, yyyy</translation>
    </message>
</context>
<context>
    <name>CaseEntryDialog</name>
    <message>
        <source>尚未登记</source>
        <translation>Not recorded yet</translation>
    </message>
    <message>
        <source>这件事还没有登记办理结果。窗口无否决权：每件事都要以一种结果办结。
仍要关闭吗？</source>
        <translation>No outcome has been recorded for this case. The counter has no veto: every case must end with an outcome.
Close anyway?</translation>
    </message>
    <message>
        <source>继续登记</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>办件登记</source>
        <translation>Case Entry</translation>
    </message>
    <message>
        <source>正在读取服务目录…</source>
        <translation>Loading the service catalog…</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>办理事项</source>
        <translation>Service items</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>窗口无否决权：每件事都以下列一种结果办结</source>
        <translation>The counter has no veto: every case ends with one of these outcomes</translation>
    </message>
    <message>
        <source>打印：{doc}</source>
        <translation>Prints: {doc}</translation>
    </message>
    <message>
        <source>不打印文书</source>
        <translation>No document printed</translation>
    </message>
    <message>
        <source>请选择办理结果，这里会列出该结果需要填写的内容。</source>
        <translation>Choose an outcome; the details it needs will appear here.</translation>
    </message>
    <message>
        <source>打印文书</source>
        <translation>Print documents</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>办件 {number}</source>
        <translation>Case {number}</translation>
    </message>
    <message>
        <source>无号登记</source>
        <translation>No ticket</translation>
    </message>
    <message>
        <source>{n}号窗口</source>
        <translation>Counter {n}</translation>
    </message>
    <message>
        <source>登记后打印：{doc}</source>
        <translation>After recording, prints: {doc}</translation>
    </message>
    <message>
        <source>登记后即办结，不打印文书</source>
        <translation>Closed when recorded; no document printed</translation>
    </message>
    <message>
        <source>登记并打印</source>
        <translation>Record and print</translation>
    </message>
    <message>
        <source>正在登记…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <source>已登记办件 {number}（{status}）</source>
        <translation>Case {number} recorded ({status})</translation>
    </message>
    <message>
        <source>“办不成事”编号：{number}</source>
        <translation>Can&apos;t-Get-It-Done no.: {number}</translation>
    </message>
    <message>
        <source>预约号：{number}</source>
        <translation>Appointment no.: {number}</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>正在生成文书…</source>
        <translation>Generating documents…</translation>
    </message>
    <message>
        <source>文书生成失败：{reason}。办件已登记，可点“打印文书”重试。</source>
        <translation>Could not generate the documents: {reason}. The case is recorded; click &quot;Print documents&quot; to try again.</translation>
    </message>
    <message>
        <source>办件 {number} 的文书</source>
        <translation>Documents for case {number}</translation>
    </message>
    <message>
        <source>{label}（另存为PDF）</source>
        <translation>{label} (save as PDF)</translation>
    </message>
</context>
<context>
    <name>CaseHistoryDialog</name>
    <message>
        <source>办件查询</source>
        <translation>Case Lookup</translation>
    </message>
    <message>
        <source>待补材料的办件</source>
        <translation>Cases awaiting materials</translation>
    </message>
    <message>
        <source>办件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>如 YC20260302-0001</source>
        <translation>e.g. YC20260302-0001</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>办理事项</source>
        <translation>Service items</translation>
    </message>
    <message>
        <source>首问责任人</source>
        <translation>First-contact clerk</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>关联编号</source>
        <translation>Related no.</translation>
    </message>
    <message>
        <source>办理过程</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>重新打开的原因，或补交材料的备注（可不填）</source>
        <translation>Reason for reopening, or a note on the materials supplied (optional)</translation>
    </message>
    <message>
        <source>容缺材料已补齐</source>
        <translation>Missing materials supplied</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>登记办理结果</source>
        <translation>Record outcome</translation>
    </message>
    <message>
        <source>重新打印</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{number}
{name} · 补交期限 {deadline}</source>
        <translation>{number}
{name} · due {deadline}</translation>
    </message>
    <message>
        <source>（已逾期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>没有待补材料的办件</source>
        <translation>No cases awaiting materials</translation>
    </message>
    <message>
        <source>办件 {number}（{kind}）</source>
        <translation>Case {number} ({kind})</translation>
    </message>
    <message>
        <source>（补交已逾期）</source>
        <translation> (materials overdue)</translation>
    </message>
    <message>
        <source>承诺办结 {date}</source>
        <translation>Promised by {date}</translation>
    </message>
    <message>
        <source>材料补交期限 {date}</source>
        <translation>Materials due {date}</translation>
    </message>
    <message>
        <source>办件 {number} 的文书</source>
        <translation>Documents for case {number}</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>预约签到</source>
        <translation>Appointment Check-in</translation>
    </message>
    <message>
        <source>请扫描预约服务单（或手机上）的二维码；也可粘贴二维码内容后点“核验签到”。</source>
        <translation>Scan the QR code on the appointment slip (or on the phone), or paste the QR contents and click &quot;Verify and check in&quot;.</translation>
    </message>
    <message>
        <source>YC1|预约号|日期|大厅|签名</source>
        <translation>YC1|appointment no.|date|hall|signature</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>核验签到</source>
        <translation>Verify and check in</translation>
    </message>
    <message>
        <source>没有预约单？</source>
        <translation>No appointment slip?</translation>
    </message>
    <message>
        <source>预约号，如 YY20260302-001</source>
        <translation>Appointment no., e.g. YY20260302-001</translation>
    </message>
    <message>
        <source>凭预约号签到</source>
        <translation>Check in by number</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已读取 {n} 行，等待二维码的签名行…</source>
        <translation>Read {n} line(s); waiting for the QR code&apos;s signature line…</translation>
    </message>
    <message>
        <source>正在核验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>签到成功，排队号</source>
        <translation>Checked in: queue ticket</translation>
    </message>
    <message>
        <source>预约 {number}（{kind}）已签到
{name} · {item}
预约时间 {start}—{end}，前面还有 {ahead} 人</source>
        <translation>Appointment {number} ({kind}) checked in
{name} · {item}
Booked for {start}–{end}; waiting ahead: {ahead}</translation>
    </message>
    <message>
        <source>不能签到</source>
        <translation>Cannot check in</translation>
    </message>
</context>
<context>
    <name>CheckedField</name>
    <message>
        <source>✓ 校验通过</source>
        <translation>✓ Valid</translation>
    </message>
</context>
<context>
    <name>CitizenSection</name>
    <message>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>已录入 {n}/18 位</source>
        <translation>{n}/18 characters entered</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Business name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>营业执照上的名称</source>
        <translation>Name as on the business licence</translation>
    </message>
    <message>
        <source>申请人姓名</source>
        <translation>Applicant&apos;s name</translation>
    </message>
    <message>
        <source>企业住所（上门办时为上门地址）</source>
        <translation>Registered address (the visit address for home visits)</translation>
    </message>
    <message>
        <source>住址（上门办时为上门地址）</source>
        <translation>Home address (the visit address for home visits)</translation>
    </message>
    <message>
        <source>联系人手机或固定电话</source>
        <translation>Contact&apos;s mobile or landline</translation>
    </message>
    <message>
        <source>手机或带区号的固定电话</source>
        <translation>Mobile, or landline with area code</translation>
    </message>
</context>
<context>
    <name>ClerkConsole</name>
    <message>
        <source>一窗 · 窗口端</source>
        <translation>Yichuang · Clerk Console</translation>
    </message>
    <message>
        <source>叫下一位</source>
        <translation>Call next</translation>
    </message>
    <message>
        <source>按规则叫下一位等候的群众</source>
        <translation>Call the next waiting citizen, by the queue rules</translation>
    </message>
    <message>
        <source>重呼</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>群众已到窗口，开始计时</source>
        <translation>The citizen is at the counter: start timing</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>叫号后未到，可选择重新排队</source>
        <translation>Called but did not come; can be sent back to the queue</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>转到其他业务队列或指定窗口</source>
        <translation>Transfer to another queue or a specific counter</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>选号</source>
        <translation>Call selected</translation>
    </message>
    <message>
        <source>叫等候队列中选中的号码（或双击）</source>
        <translation>Call the number selected in the waiting list (or double-click it)</translation>
    </message>
    <message>
        <source>登记办件</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>无号咨询、电话咨询等直接登记办件</source>
        <translation>Record a case directly, e.g. a walk-in or phone enquiry without a ticket</translation>
    </message>
    <message>
        <source>预约签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>扫描或输入预约单二维码，为预约群众签到取号</source>
        <translation>Scan or enter the QR code of an appointment slip to check the citizen in and issue a ticket</translation>
    </message>
    <message>
        <source>预约日程</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>查看并打印本人当天的预约（含上门办）日程</source>
        <translation>View and print your appointments for the day (home visits included)</translation>
    </message>
    <message>
        <source>办件查询</source>
        <translation>Case lookup</translation>
    </message>
    <message>
        <source>查看办件时间线、补齐材料、重新打开本人首问的办件</source>
        <translation>See a case&apos;s timeline, record supplied materials, reopen cases you handled first</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>签退</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>数据库连接中断，正在重新连接…（已做的操作不会丢失）</source>
        <translation>Database connection lost, reconnecting… (nothing you have done will be lost)</translation>
    </message>
    <message>
        <source>政务服务中心</source>
        <translation>Government Service Center</translation>
    </message>
    <message>
        <source>办件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>窗口端</source>
        <translation>Clerk Console</translation>
    </message>
    <message>
        <source>请先签到：输入工号、密码并选择窗口后即可叫号。</source>
        <translation>Please sign in first: enter your staff ID and password and choose your counter, then you can call tickets.</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>等候队列</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <source>双击或选中后按 F8 叫指定号码</source>
        <translation>Double-click, or select and press F8, to call a specific number</translation>
    </message>
    <message>
        <source>叫选中号</source>
        <translation>Call selected</translation>
    </message>
    <message>
        <source>今日已办</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>已办结（人）</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>过号（人）</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <source>平均办理（分钟）</source>
        <translation>Avg. service (min)</translation>
    </message>
    <message>
        <source>{name}（工号 {number}）</source>
        <translation>{name} (ID {number})</translation>
    </message>
    <message>
        <source>{n} 号窗口</source>
        <translation>Counter {n}</translation>
    </message>
    <message>
        <source>{name} 已签到，按 F1 叫号</source>
        <translation>{name} signed in. Press F1 to call</translation>
    </message>
    <message>
        <source>已签退</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>已连接 · {time} 更新</source>
        <translation>Connected · updated {time}</translation>
    </message>
    <message>
        <source>数据库连接中断</source>
        <translation>Database connection lost</translation>
    </message>
    <message>
        <source>一窗 · 窗口端 · {counter} · {name}</source>
        <translation>Yichuang · Clerk Console · {counter} · {name}</translation>
    </message>
    <message>
        <source>暂停中</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>服务中</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>暂停服务：{reason}&#x3000;&#x3000;按 F7 恢复</source>
        <translation>Paused: {reason}  ·  Press F7 to resume</translation>
    </message>
    <message>
        <source>窗口已暂停，按 F7 恢复后继续叫号</source>
        <translation>The counter is paused. Press F7 to resume calling</translation>
    </message>
    <message>
        <source>按 F1 叫下一位，或在右侧等候队列中选号后按 F8</source>
        <translation>Press F1 to call the next ticket, or select one in the waiting list and press F8</translation>
    </message>
    <message>
        <source>本窗口等候 {n} 人 · 最长已等 {m} 分钟</source>
        <translation>Waiting here: {n} · longest wait {m} min</translation>
    </message>
    <message>
        <source>本窗口暂无等候</source>
        <translation>No one waiting here</translation>
    </message>
    <message>
        <source>空闲</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>{n} 人等候</source>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <source>本窗口尚未配置业务，请联系管理员</source>
        <translation>This counter serves no queue yet; please ask the administrator</translation>
    </message>
    <message>
        <source>暂无等候的群众</source>
        <translation>No one waiting</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>请先在等候队列中选中要叫的号码，再按 F8 或双击</source>
        <translation>First select a number in the waiting list, then press F8 or double-click</translation>
    </message>
    <message>
        <source>当前没有等候的群众</source>
        <translation>No one is waiting</translation>
    </message>
    <message>
        <source>请 {ticket} 号到 {counter} 办理</source>
        <translation>Ticket {ticket}, please go to {counter}</translation>
    </message>
    <message>
        <source>已重呼 {ticket}（第 {n} 次）</source>
        <translation>Recalled {ticket} (call {n})</translation>
    </message>
    <message>
        <source>{ticket} 开始办理</source>
        <translation>{ticket}: service started</translation>
    </message>
    <message>
        <source>{ticket} 已办结</source>
        <translation>{ticket} completed</translation>
    </message>
    <message>
        <source>办件登记窗口出错，请重试或联系管理员</source>
        <translation>The case entry window failed; please try again or ask the administrator</translation>
    </message>
    <message>
        <source>{ticket} 已过号，已重新排队</source>
        <translation>{ticket}: no-show, back in the queue</translation>
    </message>
    <message>
        <source>{ticket} 已过号</source>
        <translation>{ticket}: no-show</translation>
    </message>
    <message>
        <source>{ticket} 已转至{where}</source>
        <translation>{ticket} transferred to {where}</translation>
    </message>
    <message>
        <source>已暂停：{reason}</source>
        <translation>Paused: {reason}</translation>
    </message>
    <message>
        <source>已恢复服务</source>
        <translation>Service resumed</translation>
    </message>
    <message>
        <source>请先办结、过号或转办当前号，再叫下一位</source>
        <translation>Complete, mark no-show or transfer the current ticket before calling the next</translation>
    </message>
</context>
<context>
    <name>CompletedPage</name>
    <message>
        <source>如证照编号、办结文号（可不填）</source>
        <translation>e.g. licence or certificate number, decision number (optional)</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>当场办结，不打印文书。</source>
        <translation>Completed on the spot; no document printed.</translation>
    </message>
</context>
<context>
    <name>ConsultedPage</name>
    <message>
        <source>问了什么、如何答复的，例如：咨询企业设立所需材料，已逐项告知</source>
        <translation>What was asked and how it was answered, e.g. asked which materials are needed to register a company; told item by item</translation>
    </message>
    <message>
        <source>咨询内容</source>
        <translation>Enquiry</translation>
    </message>
    <message>
        <source>咨询答复后即办结，不打印文书。</source>
        <translation>Closed once the enquiry is answered; no document printed.</translation>
    </message>
</context>
<context>
    <name>CounterDisplay</name>
    <message>
        <source>窗口屏</source>
        <translation>Counter Screen</translation>
    </message>
    <message>
        <source>{n}号窗口</source>
        <translation>Counter {n}</translation>
    </message>
    <message>
        <source>当前号码</source>
        <translation>Now serving</translation>
    </message>
    <message>
        <source>连接中断，正在重连…</source>
        <translation>Connection lost, reconnecting…</translation>
    </message>
    <message>
        <source>服务人员：{name}</source>
        <translation>Staff: {name}</translation>
    </message>
    <message>
        <source>工号：{number}</source>
        <translation>Staff ID: {number}</translation>
    </message>
    <message>
        <source>暂停服务</source>
        <translation>Service paused</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>正在办理</source>
        <translation>In service</translation>
    </message>
    <message>
        <source>请 {ticket} 号到本窗口办理</source>
        <translation>Ticket {ticket}, please come to this counter</translation>
    </message>
    <message>
        <source>请留意叫号</source>
        <translation>Please wait for your number</translation>
    </message>
    <message>
        <source>暂未开放</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>请到其他窗口办理</source>
        <translation>Please go to another counter</translation>
    </message>
</context>
<context>
    <name>CounterTile</name>
    <message>
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
</context>
<context>
    <name>DeficientPage</name>
    <message>
        <source>容缺材料（勾选缺少的）</source>
        <translation>Deferrable material (tick if missing)</translation>
    </message>
    <message>
        <source>补交方式</source>
        <translation>How to supply</translation>
    </message>
    <message>
        <source>标准要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>容缺材料</source>
        <translation>Missing materials</translation>
    </message>
    <message>
        <source>补交期限</source>
        <translation>Supply by</translation>
    </message>
    <message>
        <source>最迟</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>默认：本窗口</source>
        <translation>Default: this counter</translation>
    </message>
    <message>
        <source>补交地点</source>
        <translation>Where to supply</translation>
    </message>
    <message>
        <source>逾期后果</source>
        <translation>If late</translation>
    </message>
    <message>
        <source>承诺书</source>
        <translation>Commitment</translation>
    </message>
    <message>
        <source>打印《容缺受理告知书（明白纸）》一式两联，含承诺书：申请人签字，一联留存。办件显示为“待补材料”，补齐前逾期会被标出。</source>
        <translation>Prints the Deficiency Acceptance Notice (Clear Notice) in two copies with the commitment: the applicant signs and keeps one. The case shows as &quot;Awaiting materials&quot; and is flagged if the deadline passes first.</translation>
    </message>
    <message>
        <source>所选事项没有“容缺后补”材料，不能容缺受理；可改用“一次性告知”。</source>
        <translation>The chosen items have no deferrable materials, so they cannot be accepted with deficiency; use &quot;One-time notice&quot; instead.</translation>
    </message>
    <message>
        <source>不晚于承诺办结日</source>
        <translation>No later than the promised date</translation>
    </message>
    <message>
        <source>不晚于承诺办结日 {date}</source>
        <translation>No later than the promised date {date}</translation>
    </message>
</context>
<context>
    <name>DemoHall</name>
    <message>
        <source>一窗 · 演示大厅</source>
        <translation>Yichuang · Demo Hall</translation>
    </message>
    <message>
        <source>演示模式：所有角色在本机同一个数据库上运行。
在取号机取号，在窗口端叫号办理（工号 1001，密码 1234），大屏同步显示并语音播报。</source>
        <translation>Demo mode: every role runs on this PC with one database.
Take a ticket at the kiosk, call and serve it at the clerk console (staff ID 1001, password 1234); the display shows and announces each call.</translation>
    </message>
    <message>
        <source>取号机</source>
        <translation>Ticket Kiosk</translation>
    </message>
    <message>
        <source>叫号大屏</source>
        <translation>Call Display</translation>
    </message>
    <message>
        <source>窗口屏（1号窗口）</source>
        <translation>Counter Screen (Counter 1)</translation>
    </message>
    <message>
        <source>窗口端</source>
        <translation>Clerk Console</translation>
    </message>
    <message>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>文书预览</source>
        <translation>Document Preview</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>View</translation>
    </message>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>实际大小</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <source>{label}
{pages} 页</source>
        <translation>{label}
{pages} p.</translation>
    </message>
    <message>
        <source>勾选的文书会一起打印</source>
        <translation>Ticked documents are printed together</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>另存为PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>打印文书</source>
        <translation>Print documents</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>将打印 {n} 份文书，共 {pages} 页</source>
        <translation>Will print {n} document(s), {pages} page(s) in all</translation>
    </message>
    <message>
        <source>共 {pages} 页</source>
        <translation>{pages} page(s)</translation>
    </message>
    <message>
        <source>请先勾选要打印的文书</source>
        <translation>Tick the documents to print first</translation>
    </message>
    <message>
        <source>已发送到打印机：{labels}</source>
        <translation>Sent to the printer: {labels}</translation>
    </message>
    <message>
        <source>本机没有可用的打印机。文书仍在预览中，可以先“另存为PDF”，或安装打印机后重试。</source>
        <translation>No printer is available on this PC. The documents are still in the preview: &quot;Save as PDF&quot; for now, or install a printer and try again.</translation>
    </message>
    <message>
        <source>默认打印机</source>
        <translation>default printer</translation>
    </message>
    <message>
        <source>无法打印：打印机“{name}”没有响应（未连接、脱机、缺纸或无权限）。文书仍在预览中，请检查打印机后重试，或先“另存为PDF”。</source>
        <translation>Cannot print: printer &quot;{name}&quot; is not responding (not connected, offline, out of paper or no permission). The documents are still in the preview; check the printer and try again, or &quot;Save as PDF&quot; for now.</translation>
    </message>
    <message>
        <source>无法保存到 {path}：{reason}</source>
        <translation>Cannot save to {path}: {reason}</translation>
    </message>
    <message>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>EscalatedPage</name>
    <message>
        <source>法律法规不允许：解释政策、引导办理</source>
        <translation>Not allowed by law: explain the policy, guide the applicant</translation>
    </message>
    <message>
        <source>缺材料或流程不畅：容缺受理、跟进帮办</source>
        <translation>Missing materials or a blocked process: accept with deficiency, follow up</translation>
    </message>
    <message>
        <source>工作人员不作为：立即督办、记录问责</source>
        <translation>Staff not doing their duty: order handling now, record accountability</translation>
    </message>
    <message>
        <source>需提前、延时、上门或节假日办理</source>
        <translation>Needs early, after-hours, home-visit or holiday service</translation>
    </message>
    <message>
        <source>请选择问题类别</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>复杂事项，需会商协调</source>
        <translation>Complex matter: needs coordination</translation>
    </message>
    <message>
        <source>申请人要办什么、卡在哪里、已经做了什么</source>
        <translation>What the applicant wants done, where it is stuck, what has been tried</translation>
    </message>
    <message>
        <source>问题描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>答复期限</source>
        <translation>Reply by</translation>
    </message>
    <message>
        <source>登记后立即生成“办不成事”编号，打印《答复卡》交申请人，写明编号、承办人和答复日期。</source>
        <translation>Recording creates a Can&apos;t-Get-It-Done number at once and prints a Reply Card for the applicant with the number, the person handling it and the reply date.</translation>
    </message>
    <message>
        <source>选择类别后显示</source>
        <translation>Shown once a category is chosen</translation>
    </message>
    <message>
        <source>{days} 个工作日内，{date} 前答复申请人</source>
        <translation>Reply to the applicant within {days} working day(s), by {date}</translation>
    </message>
    <message>
        <source>复杂事项，需会商协调（答复期限 {days} 个工作日）</source>
        <translation>Complex matter: needs coordination (reply within {days} working day(s))</translation>
    </message>
</context>
<context>
    <name>HomeVisitSchedule</name>
    <message>
        <source>预约服务日程</source>
        <translation>Appointment Schedule</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>服务人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>地点（上门地址）</source>
        <translation>Place (visit address)</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>预约号</source>
        <translation>Appointment no.</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>打印日程</source>
        <translation>Print schedule</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>上门地址</source>
        <translation>Visit address</translation>
    </message>
    <message>
        <source>共 {n} 个预约，其中上门办 {home} 个</source>
        <translation>Appointments: {n}, home visits: {home}</translation>
    </message>
    <message>
        <source>这一天没有安排预约</source>
        <translation>No appointments on this day</translation>
    </message>
    <message>
        <source>{name} {day} 的预约服务日程</source>
        <translation>Appointment schedule of {name}, {day}</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <source>搜索事项：名称、编码或拼音首字母，如 sbk</source>
        <translation>Search items: name, code or pinyin initials, e.g. sbk</translation>
    </message>
    <message>
        <source>未选择事项（咨询、指路可不选）</source>
        <translation>No item chosen (optional for enquiries and referrals)</translation>
    </message>
    <message>
        <source>已选 {n} 项：{names}</source>
        <translation>{n} selected: {names}</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>一窗 · 取号机</source>
        <translation>Yichuang · Ticket Kiosk</translation>
    </message>
    <message>
        <source>政务服务中心</source>
        <translation>Government Service Center</translation>
    </message>
    <message>
        <source>大字模式</source>
        <translation>Large text</translation>
    </message>
    <message>
        <source>暂停取号：系统连接中断，正在自动重试…</source>
        <translation>Tickets paused: connection lost, retrying…</translation>
    </message>
    <message>
        <source>取消此次取号</source>
        <translation>Cancel this ticket</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>搜索事项：输入名称或拼音首字母，如 sbk</source>
        <translation>Search: type a name or pinyin initials, e.g. sbk</translation>
    </message>
    <message>
        <source>请选择办理领域</source>
        <translation>Choose a service area</translation>
    </message>
    <message>
        <source>绿色通道 · 优先办理</source>
        <translation>Green Channel · Priority</translation>
    </message>
    <message>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <source>正在读取服务事项…</source>
        <translation>Loading services…</translation>
    </message>
    <message>
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>请点击要办理的事项取号</source>
        <translation>Tap a service to take a ticket</translation>
    </message>
    <message>
        <source>事项名称或拼音首字母</source>
        <translation>Service name or pinyin initials</translation>
    </message>
    <message>
        <source>例如：社保卡 可输入 sbk，不动产 可输入 bdc</source>
        <translation>e.g. sbk for 社保卡 (social security card), bdc for 不动产 (real estate)</translation>
    </message>
    <message>
        <source>请选择优先对象。办理时请向工作人员出示相关证件。</source>
        <translation>Choose your priority group. Please show proof at the counter.</translation>
    </message>
    <message>
        <source>年满 60 周岁</source>
        <translation>Aged 60 or over</translation>
    </message>
    <message>
        <source>持残疾人证</source>
        <translation>Disability certificate holders</translation>
    </message>
    <message>
        <source>现役军人、退役军人（依法优先）</source>
        <translation>Service members and veterans (priority by law)</translation>
    </message>
    <message>
        <source>孕期妇女</source>
        <translation>Pregnant women</translation>
    </message>
    <message>
        <source>烈士遗属</source>
        <translation>Martyrs&apos; families</translation>
    </message>
    <message>
        <source>国家综合性消防救援队伍人员</source>
        <translation>National fire and rescue personnel</translation>
    </message>
    <message>
        <source>请将预约单上的二维码对准扫描口；或在下方输入预约码后点“签到”。</source>
        <translation>Hold the QR code on your appointment slip to the scanner, or enter the appointment code below and tap &quot;Check in&quot;.</translation>
    </message>
    <message>
        <source>预约码</source>
        <translation>Appointment code</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>取号成功</source>
        <translation>Here is your ticket</translation>
    </message>
    <message>
        <source>您的号码</source>
        <translation>Your number</translation>
    </message>
    <message>
        <source>重新打印</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>持预约单的群众，可直接扫描二维码签到</source>
        <translation>Have an appointment slip? Scan its QR code to check in</translation>
    </message>
    <message>
        <source>补打上一张凭条</source>
        <translation>Reprint last ticket</translation>
    </message>
    <message>
        <source>{count} 项事项：{departments}</source>
        <translation>{count} services: {departments}</translation>
    </message>
    <message>
        <source>办公时间：{hours}</source>
        <translation>Opening hours: {hours}</translation>
    </message>
    <message>
        <source>咨询电话：{phone}</source>
        <translation>Enquiries: {phone}</translation>
    </message>
    <message>
        <source>暂时无法取号</source>
        <translation>Tickets temporarily unavailable</translation>
    </message>
    <message>
        <source>您选择的“{service}”将在恢复后自动出号，请稍候。</source>
        <translation>Your ticket for &quot;{service}&quot; will print as soon as the connection is back. Please wait.</translation>
    </message>
    <message>
        <source>签到成功</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>预约号 {number}</source>
        <translation>Appointment {number}</translation>
    </message>
    <message>
        <source>您前面还有 {n} 人等候</source>
        <translation>Waiting ahead of you: {n}</translation>
    </message>
    <message>
        <source>预计等候约 {m} 分钟</source>
        <translation>Estimated wait: about {m} min</translation>
    </message>
    <message>
        <source>您前面没有人等候</source>
        <translation>No one ahead of you</translation>
    </message>
    <message>
        <source>请留意叫号，即将为您办理</source>
        <translation>Please listen for your number: you will be served shortly</translation>
    </message>
    <message>
        <source>请在等候区留意叫号屏幕和语音提示</source>
        <translation>Please wait in the waiting area and watch the screen for your number</translation>
    </message>
    <message>
        <source>办理地点：{place}。请留意叫号屏幕和语音提示</source>
        <translation>Go to: {place}. Please watch the screen for your number</translation>
    </message>
    <message>
        <source>正在补打凭条…</source>
        <translation>Reprinting your ticket…</translation>
    </message>
    <message>
        <source>正在打印凭条…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <source>已打印，请取走凭条</source>
        <translation>Printed: please take your ticket</translation>
    </message>
    <message>
        <source>打印失败，请到导办台补打（{detail}）</source>
        <translation>Printing failed; please get your ticket at the guide desk ({detail})</translation>
    </message>
    <message>
        <source>预约签到功能未启用，请到导办台办理。</source>
        <translation>Appointment check-in is not available here; please go to the guide desk.</translation>
    </message>
    <message>
        <source>暂停签到</source>
        <translation>Check-in paused</translation>
    </message>
    <message>
        <source>系统连接中断，请稍后重新扫描，或到导办台办理。</source>
        <translation>Connection lost. Please scan again shortly, or go to the guide desk.</translation>
    </message>
    <message>
        <source>签到未成功</source>
        <translation>Check-in failed</translation>
    </message>
    <message>
        <source>当前等候 {n} 人</source>
        <translation>Waiting: {n}</translation>
    </message>
    <message>
        <source>一次办好</source>
        <translation>One visit</translation>
    </message>
    <message>
        <source>找到 {n} 项，请点击要办理的事项</source>
        <translation>{n} found: tap the service you need</translation>
    </message>
    <message>
        <source>没有找到相关事项，请换个关键词，或到导办台咨询</source>
        <translation>No matching services. Try another keyword, or ask at the guide desk</translation>
    </message>
    <message>
        <source>绿色通道 · {group}：请选择办理事项</source>
        <translation>Green Channel · {group}: choose a service</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>{month}月{day}日 {weekday}</source>
        <translation>{weekday}, {month}/{day}</translation>
    </message>
    <message>
        <source>{n} 秒后自动返回首页</source>
        <translation>Back to the home screen in {n} s</translation>
    </message>
    <message>
        <source>标准字体</source>
        <translation>Standard text</translation>
    </message>
</context>
<context>
    <name>NoShowDialog</name>
    <message>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>{number} 已叫 {calls} 次仍未到窗口。</source>
        <translation>{number} has been called {calls} time(s) and has not come to the counter.</translation>
    </message>
    <message>
        <source>重新排队：号码回到队尾，群众稍后到场仍可办理；仅过号：本号作废。</source>
        <translation>Re-queue: the number goes to the back of the queue and can still be served if the citizen comes later. No-show only: the number is voided.</translation>
    </message>
    <message>
        <source>过号并重新排队</source>
        <translation>No-show, re-queue</translation>
    </message>
    <message>
        <source>仅过号</source>
        <translation>No-show only</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OneTimeNoticePage</name>
    <message>
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>签字或盖章不全</source>
        <translation>Signature or seal missing</translation>
    </message>
    <message>
        <source>信息与证件不一致</source>
        <translation>Does not match the ID</translation>
    </message>
    <message>
        <source>复印件不清晰</source>
        <translation>Copy not legible</translation>
    </message>
    <message>
        <source>格式不符合要求</source>
        <translation>Wrong format</translation>
    </message>
    <message>
        <source>请按合格标准准备后补充提交</source>
        <translation>Prepare it to the standard and submit it</translation>
    </message>
    <message>
        <source>请重新开具有效期内的材料</source>
        <translation>Obtain a new, currently valid document</translation>
    </message>
    <message>
        <source>请补齐签字或盖章</source>
        <translation>Add the missing signature or seal</translation>
    </message>
    <message>
        <source>请核对证件信息，更正后重新提交</source>
        <translation>Check it against the ID, correct it and resubmit</translation>
    </message>
    <message>
        <source>请重新复印，字迹和印章须清晰</source>
        <translation>Make a new copy; text and seals must be legible</translation>
    </message>
    <message>
        <source>请按样表格式重新填写</source>
        <translation>Fill it in again following the sample form</translation>
    </message>
    <message>
        <source>材料（勾选有问题的）</source>
        <translation>Material (tick if faulty)</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>补正方法</source>
        <translation>How to fix</translation>
    </message>
    <message>
        <source>合格标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>样表</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>需补正的材料</source>
        <translation>Materials to fix</translation>
    </message>
    <message>
        <source>＋ 目录外的材料</source>
        <translation>+ Material not in the catalog</translation>
    </message>
    <message>
        <source>https://… 打印为二维码</source>
        <translation>https://… (printed as a QR code)</translation>
    </message>
    <message>
        <source>网上办事指南</source>
        <translation>Online guide</translation>
    </message>
    <message>
        <source>默认：本窗口</source>
        <translation>Default: this counter</translation>
    </message>
    <message>
        <source>补正后递交</source>
        <translation>Submit to</translation>
    </message>
    <message>
        <source>告知依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>所有问题一次讲清：打印《一次性告知书（明白纸）》，列明问题、补正方法、合格标准、样表和网上办事指南二维码。</source>
        <translation>Tell every problem at once: prints the One-Time Notice (Clear Notice) listing the problems, how to fix them, the standards, sample forms and a QR code to the online guide.</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>午休</source>
        <translation>Lunch break</translation>
    </message>
    <message>
        <source>临时离开</source>
        <translation>Away briefly</translation>
    </message>
    <message>
        <source>系统维护</source>
        <translation>System maintenance</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>暂停服务</source>
        <translation>Pause Service</translation>
    </message>
    <message>
        <source>暂停原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>补充说明（选“其他”时必填）</source>
        <translation>Details (required for &quot;Other&quot;)</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写暂停原因</source>
        <translation>Please give a reason for pausing</translation>
    </message>
</context>
<context>
    <name>ReferralPage</name>
    <message>
        <source>从目录选择</source>
        <translation>From catalog</translation>
    </message>
    <message>
        <source>每行一项</source>
        <translation>One per line</translation>
    </message>
    <message>
        <source>每行一步（可不填）</source>
        <translation>One step per line (optional)</translation>
    </message>
    <message>
        <source>咨询事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>前往部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>办理窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>楼层区域</source>
        <translation>Floor / area</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>办公时间</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>携带材料</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <source>办理步骤</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>网上指南</source>
        <translation>Online guide</translation>
    </message>
    <message>
        <source>打印《指路牌》：去哪里、找谁、怎么办、带什么。</source>
        <translation>Prints a Referral Slip: where to go, whom to see, what to do, what to bring.</translation>
    </message>
    <message>
        <source>（手工填写）</source>
        <translation>(enter by hand)</translation>
    </message>
</context>
<context>
    <name>ScheduledPage</name>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>预约事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>服务人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Time slot</translation>
    </message>
    <message>
        <source>办理地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>每行一项</source>
        <translation>One per line</translation>
    </message>
    <message>
        <source>携带材料</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <source>服务电话</source>
        <translation>Service phone</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>打印《预约服务单》，带签名二维码：申请人按时到场在导办台扫码签到，上门办由服务人员带单上门。</source>
        <translation>Prints an Appointment Slip with a signed QR code: the applicant scans it at the guide desk on arrival; for a home visit, the staff member brings it along.</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>默认：大厅电话 {phone}</source>
        <translation>Default: hall phone {phone}</translation>
    </message>
    <message>
        <source>{start}—{end}&#x3000;已约 {booked}/{capacity}</source>
        <translation>{start}–{end}  booked {booked}/{capacity}</translation>
    </message>
    <message>
        <source>（已满）</source>
        <translation> (full)</translation>
    </message>
    <message>
        <source>其他时段（自定）</source>
        <translation>Other time (custom)</translation>
    </message>
    <message>
        <source>正在读取当日时段…</source>
        <translation>Loading the day&apos;s time slots…</translation>
    </message>
    <message>
        <source>自定时段：新开时段可约 {n} 个；同一服务人员同一时间只能安排一个预约。</source>
        <translation>Custom time: a new slot takes {n} booking(s); a staff member can have only one appointment at a time.</translation>
    </message>
    <message>
        <source>该时段还可约 {n} 个（共 {capacity} 个）。</source>
        <translation>{n} of {capacity} places left in this slot.</translation>
    </message>
    <message>
        <source>上门地址</source>
        <translation>Visit address</translation>
    </message>
    <message>
        <source>默认：申请人地址 {address}</source>
        <translation>Default: applicant&apos;s address {address}</translation>
    </message>
    <message>
        <source>申请人的住址或企业住所（必填）</source>
        <translation>Applicant&apos;s home or business address (required)</translation>
    </message>
    <message>
        <source>默认：事项的办理地点</source>
        <translation>Default: the item&apos;s service location</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>窗口签到</source>
        <translation>Counter Sign-in</translation>
    </message>
    <message>
        <source>请输入工号和密码，并选择本机所在窗口</source>
        <translation>Enter your staff ID and password, and choose this PC&apos;s counter</translation>
    </message>
    <message>
        <source>工号</source>
        <translation>Staff ID</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>正在读取窗口…</source>
        <translation>Loading counters…</translation>
    </message>
    <message>
        <source>窗口</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>所选窗口将记为本机窗口，下次自动选中。</source>
        <translation>This PC will remember the counter and select it next time.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>（{name} 在岗）</source>
        <translation> ({name} on duty)</translation>
    </message>
    <message>
        <source>（未配置业务）</source>
        <translation> (no queue assigned)</translation>
    </message>
    <message>
        <source>请输入工号</source>
        <translation>Enter your staff ID</translation>
    </message>
    <message>
        <source>请输入密码</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <source>正在读取窗口列表，请稍候再签到</source>
        <translation>Still loading the counters; please sign in in a moment</translation>
    </message>
    <message>
        <source>请选择窗口</source>
        <translation>Choose a counter</translation>
    </message>
    <message>
        <source>窗口办理</source>
        <translation>Counter service</translation>
    </message>
    <message>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>TicketCard</name>
    <message>
        <source>当前号</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <source>业务</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>叫号</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>取号</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>转办 {n} 次</source>
        <translation>Transferred {n}×</translation>
    </message>
    <message>
        <source>未选具体事项</source>
        <translation>No specific item</translation>
    </message>
    <message>
        <source>{n} 次</source>
        <translation>{n}×</translation>
    </message>
    <message>
        <source>{time}（等候 {minutes} 分钟）</source>
        <translation>{time} (waited {minutes} min)</translation>
    </message>
    <message>
        <source>办理用时</source>
        <translation>Service time</translation>
    </message>
    <message>
        <source>叫号后</source>
        <translation>Since call</translation>
    </message>
    <message>
        <source>群众按业务取号，请询问所办事项后在办件登记中选择。</source>
        <translation>The ticket is for a queue, not an item: ask what the citizen needs and choose it in the case entry.</translation>
    </message>
    <message>
        <source>即办件 · 当场办结</source>
        <translation>On-the-spot item · done today</translation>
    </message>
    <message>
        <source>承诺件 · 承诺 {promised} 个工作日（法定 {statutory} 个）</source>
        <translation>Promised item · {promised} working day(s) (statutory {statutory})</translation>
    </message>
    <message>
        <source> · 一次办好</source>
        <translation> · one visit</translation>
    </message>
    <message>
        <source>〔可容缺〕</source>
        <translation>[deferrable]</translation>
    </message>
    <message>
        <source>〔非必要〕</source>
        <translation>[optional]</translation>
    </message>
    <message>
        <source>……另有 {n} 项</source>
        <translation>…and {n} more</translation>
    </message>
    <message>
        <source>所需材料（{n} 项）</source>
        <translation>Required materials ({n})</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <source>退格</source>
        <translation>⌫</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>转办</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>将 {number} 转到：</source>
        <translation>Transfer {number} to:</translation>
    </message>
    <message>
        <source>其他业务队列</source>
        <translation>Another queue</translation>
    </message>
    <message>
        <source>指定窗口</source>
        <translation>A specific counter</translation>
    </message>
    <message>
        <source> · {name}</source>
        <translation> · {name}</translation>
    </message>
    <message>
        <source>（暂停中）</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <source>（未开）</source>
        <translation> (closed)</translation>
    </message>
    <message>
        <source>转办后号码保留原排队时间，群众无需重新取号。</source>
        <translation>The ticket keeps its original queue time; the citizen need not take a new one.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请选择转办的队列或窗口</source>
        <translation>Choose a queue or counter to transfer to</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
</context>
<context>
    <name>appointment</name>
    <message>
        <source>提前办</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>延时办</source>
        <translation>After hours</translation>
    </message>
    <message>
        <source>上门办</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>节假日办</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>已预约</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>已服务</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>未到</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>已改约</source>
        <translation>Rescheduled</translation>
    </message>
</context>
<context>
    <name>case</name>
    <message>
        <source>咨询</source>
        <translation>Enquiry</translation>
    </message>
    <message>
        <source>业务办理</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>排队取号</source>
        <translation>Queue ticket</translation>
    </message>
    <message>
        <source>电话咨询</source>
        <translation>Phone enquiry</translation>
    </message>
    <message>
        <source>现场</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>待补材料</source>
        <translation>Awaiting materials</translation>
    </message>
    <message>
        <source>已出结果</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>修改登记信息</source>
        <translation>Details changed</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Outcome recorded</translation>
    </message>
    <message>
        <source>容缺材料补齐</source>
        <translation>Missing materials supplied</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>打印文书</source>
        <translation>Documents printed</translation>
    </message>
</context>
<context>
    <name>citizen</name>
    <message>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Business</translation>
    </message>
</context>
<context>
    <name>clerk</name>
    <message>
        <source>绿色通道</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>预约</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>（转至本窗口）</source>
        <translation> (transferred here)</translation>
    </message>
    <message>
        <source>（转入）</source>
        <translation> (transferred in)</translation>
    </message>
    <message>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>业务</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>已等(分)</source>
        <translation>Waited (min)</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>用时(分)</source>
        <translation>Took (min)</translation>
    </message>
    <message>
        <source>过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>打印机故障：{detail}</source>
        <translation>Printer fault: {detail}</translation>
    </message>
    <message>
        <source>找不到打印机“{name}”</source>
        <translation>Printer &quot;{name}&quot; not found</translation>
    </message>
    <message>
        <source>本机没有可用的打印机，请在设置中指定</source>
        <translation>No printer is available on this PC; choose one in the settings</translation>
    </message>
    <message>
        <source>无法保存凭条 {path}：{detail}</source>
        <translation>Cannot save the ticket {path}: {detail}</translation>
    </message>
    <message>
        <source>凭条生成失败</source>
        <translation>Could not generate the ticket</translation>
    </message>
    <message>
        <source>配置有误：每个预约时段至少容纳 1 个预约</source>
        <translation>Configuration error: each appointment slot must take at least 1 booking</translation>
    </message>
    <message>
        <source>无法保存目录文件 {path}：{reason}</source>
        <translation>Cannot save the catalog file {path}: {reason}</translation>
    </message>
    <message>
        <source>无法打开目录文件 {path}：{reason}</source>
        <translation>Cannot open the catalog file {path}: {reason}</translation>
    </message>
    <message>
        <source>{sheet}表第 {row} 行“{column}”含有 Excel 不支持的控制字符</source>
        <translation>Sheet {sheet}, row {row}: &quot;{column}&quot; contains control characters Excel does not support</translation>
    </message>
    <message>
        <source>{sheet}表第 {row} 行“{column}”不能为空</source>
        <translation>Sheet {sheet}, row {row}: &quot;{column}&quot; must not be empty</translation>
    </message>
    <message>
        <source>{sheet}表第 {row} 行“{column}”不是整数：{value}</source>
        <translation>Sheet {sheet}, row {row}: &quot;{column}&quot; is not a whole number: {value}</translation>
    </message>
    <message>
        <source>{sheet}表第 {row} 行“{column}”不能小于 {minimum}：{value}</source>
        <translation>Sheet {sheet}, row {row}: &quot;{column}&quot; must be at least {minimum}: {value}</translation>
    </message>
    <message>
        <source>{sheet}表第 {row} 行“{column}”的值“{value}”无效，应为：{choices}</source>
        <translation>Sheet {sheet}, row {row}: &quot;{column}&quot; value &quot;{value}&quot; is invalid; expected one of: {choices}</translation>
    </message>
    <message>
        <source>{sheet}表第 {row} 行“{column}”引用了不存在的{target}：{value}</source>
        <translation>Sheet {sheet}, row {row}: &quot;{column}&quot; refers to a {target} that does not exist: {value}</translation>
    </message>
    <message>
        <source>目录文件缺少“{sheet}”工作表</source>
        <translation>The catalog file has no &quot;{sheet}&quot; sheet</translation>
    </message>
    <message>
        <source>{sheet}表缺少“{column}”列（表头应在第 1 行）</source>
        <translation>Sheet {sheet} has no &quot;{column}&quot; column (headers must be in row 1)</translation>
    </message>
    <message>
        <source>{sheet}表第 {row} 行“{column}”与第 {first} 行重复：{value}</source>
        <translation>Sheet {sheet}, row {row}: &quot;{column}&quot; repeats row {first}: {value}</translation>
    </message>
    <message>
        <source>{sheet}表第 {row} 行“{column}”（{value}）不能超过“法定时限”（{statutory}）</source>
        <translation>Sheet {sheet}, row {row}: &quot;{column}&quot; ({value}) must not exceed the statutory time limit ({statutory})</translation>
    </message>
    <message>
        <source>操作失败：{detail}</source>
        <translation>Operation failed: {detail}</translation>
    </message>
    <message>
        <source>服务目录有误：{detail}</source>
        <translation>Service catalog error: {detail}</translation>
    </message>
    <message>
        <source>服务目录有误：事项编码 {code} 重复</source>
        <translation>Service catalog error: item code {code} is duplicated</translation>
    </message>
    <message>
        <source>服务目录有误：缺少字段 {field}</source>
        <translation>Service catalog error: field {field} is missing</translation>
    </message>
    <message>
        <source>未知的服务事项或队列：{code}</source>
        <translation>Unknown service item or queue: {code}</translation>
    </message>
    <message>
        <source>未知的窗口：{number}</source>
        <translation>Unknown counter: {number}</translation>
    </message>
    <message>
        <source>{number} 号窗口没有配置任何业务，请联系管理员</source>
        <translation>Counter {number} serves no queue; please ask the administrator</translation>
    </message>
    <message>
        <source>{number} 号窗口已暂停（{reason}），请先恢复</source>
        <translation>Counter {number} is paused ({reason}); resume it first</translation>
    </message>
    <message>
        <source>{number} 号窗口正在办理 {ticket}，请先结束当前号</source>
        <translation>Counter {number} is serving {ticket}; finish the current ticket first</translation>
    </message>
    <message>
        <source>{number} 号窗口已由 {staff_name}（{staff}）签到，请先在该窗口签退</source>
        <translation>Counter {number} is in use by {staff_name} ({staff}); sign out there first</translation>
    </message>
    <message>
        <source>{number} 号窗口当前无人值守，不能转到该窗口，请转到业务队列</source>
        <translation>Counter {number} is not staffed; transfer to a queue instead</translation>
    </message>
    <message>
        <source>“{queue}”今日号源已取完（每日 {cap} 个）</source>
        <translation>No tickets left today for &quot;{queue}&quot; ({cap} a day)</translation>
    </message>
    <message>
        <source>找不到号码 {ticket}</source>
        <translation>Ticket {ticket} not found</translation>
    </message>
    <message>
        <source>号码 {ticket} 当前状态为“{state}”，不能{action}</source>
        <translation>Ticket {ticket} is &quot;{state}&quot;; cannot {action}</translation>
    </message>
    <message>
        <source>号码 {ticket} 只叫过 {calls} 次，需叫满 {needed} 次才能过号</source>
        <translation>Ticket {ticket} has been called {calls} time(s); it must be called {needed} times before a no-show</translation>
    </message>
    <message>
        <source>工号或密码不正确</source>
        <translation>Wrong staff ID or password</translation>
    </message>
    <message>
        <source>您没有权限执行此操作：{action}</source>
        <translation>You are not allowed to do this: {action}</translation>
    </message>
    <message>
        <source>无法连接数据库（{detail}），请检查网络或联系管理员</source>
        <translation>Cannot connect to the database ({detail}); check the network or ask the administrator</translation>
    </message>
    <message>
        <source>数据库版本过旧（{found}，需要 {needed}），请先运行 yichuang init 升级</source>
        <translation>The database is too old ({found}, needs {needed}); run yichuang init to upgrade it</translation>
    </message>
    <message>
        <source>数据库版本（{found}）比本程序（{needed}）新，请升级本程序</source>
        <translation>The database ({found}) is newer than this program ({needed}); please upgrade the program</translation>
    </message>
    <message>
        <source>数据库尚未初始化，请先运行 yichuang init</source>
        <translation>The database is not set up yet; run yichuang init first</translation>
    </message>
    <message>
        <source>配置有误：{detail}</source>
        <translation>Configuration error: {detail}</translation>
    </message>
    <message>
        <source>{kind}号码“{number}”格式不对，请核对</source>
        <translation>{kind} number &quot;{number}&quot; is not valid; please check it</translation>
    </message>
    <message>
        <source>居民身份证号码有误：{detail}</source>
        <translation>Invalid resident ID number: {detail}</translation>
    </message>
    <message>
        <source>居民身份证号码应为 18 位，录入的是 {found} 位，请核对（15 位旧号码已停用）</source>
        <translation>A resident ID number has 18 characters, {found} were entered; please check (old 15-digit numbers are no longer valid)</translation>
    </message>
    <message>
        <source>居民身份证号码前 17 位应为数字，最后一位为数字或字母 X，请核对</source>
        <translation>A resident ID number is 17 digits followed by a digit or the letter X; please check</translation>
    </message>
    <message>
        <source>居民身份证号码的地址码（前 6 位）无效，请核对</source>
        <translation>The region code (first 6 digits) of the resident ID number is invalid; please check</translation>
    </message>
    <message>
        <source>居民身份证号码中的出生日期 {value} 无效，请核对第 7 至 14 位</source>
        <translation>The birth date {value} in the resident ID number is invalid; check digits 7 to 14</translation>
    </message>
    <message>
        <source>居民身份证号码校验位不符，号码可能录入有误，请逐位核对</source>
        <translation>The resident ID number&apos;s check digit does not match; it may be mistyped, please check each digit</translation>
    </message>
    <message>
        <source>统一社会信用代码有误：{detail}</source>
        <translation>Invalid unified social credit code: {detail}</translation>
    </message>
    <message>
        <source>统一社会信用代码应为 18 位，录入的是 {found} 位，请核对</source>
        <translation>A unified social credit code has 18 characters, {found} were entered; please check</translation>
    </message>
    <message>
        <source>统一社会信用代码中不能出现“{char}”（只用数字和除 I、O、Z、S、V 以外的大写字母）</source>
        <translation>A unified social credit code cannot contain &quot;{char}&quot; (only digits and capital letters other than I, O, Z, S, V)</translation>
    </message>
    <message>
        <source>统一社会信用代码第 3 至 8 位（登记管理机关行政区划码）应为数字</source>
        <translation>Characters 3 to 8 of the unified social credit code (the registering authority&apos;s region code) must be digits</translation>
    </message>
    <message>
        <source>统一社会信用代码校验码不符，代码可能录入有误，请逐位核对</source>
        <translation>The unified social credit code&apos;s check character does not match; it may be mistyped, please check each character</translation>
    </message>
    <message>
        <source>联系电话“{phone}”无效，请填写手机号或带区号的固定电话</source>
        <translation>Phone number &quot;{phone}&quot; is invalid; enter a mobile number or a landline with area code</translation>
    </message>
    <message>
        <source>未知的工作人员工号：{number}</source>
        <translation>Unknown staff ID: {number}</translation>
    </message>
    <message>
        <source>请填写“{field}”</source>
        <translation>Please fill in &quot;{field}&quot;</translation>
    </message>
    <message>
        <source>请选择办理结果：窗口无否决权，每件事都要以一种结果办结（{choices}）</source>
        <translation>Choose an outcome: the counter has no veto, every case ends with one of ({choices})</translation>
    </message>
    <message>
        <source>找不到办件 {case_no}</source>
        <translation>Case {case_no} not found</translation>
    </message>
    <message>
        <source>办件 {case_no} 当前状态为“{state}”，不能{action}</source>
        <translation>Case {case_no} is &quot;{state}&quot;; cannot {action}</translation>
    </message>
    <message>
        <source>办件 {case_no} 由首问责任人 {first_name}（工号 {first}）负责，只有其本人可以重新打开</source>
        <translation>Case {case_no} belongs to its first-contact clerk {first_name} (ID {first}); only they can reopen it</translation>
    </message>
    <message>
        <source>事项 {code} 不在办件 {case_no} 的办理事项中</source>
        <translation>Item {code} is not one of case {case_no}&apos;s items</translation>
    </message>
    <message>
        <source>“{material}”不是“{item}”的容缺后补材料，不能容缺受理；可出具一次性告知书</source>
        <translation>&quot;{material}&quot; is not a deferrable material of &quot;{item}&quot;, so it cannot be accepted with deficiency; issue a one-time notice instead</translation>
    </message>
    <message>
        <source>补交期限 {deadline} 不能晚于承诺办结日 {limit}（{item}）</source>
        <translation>The supply deadline {deadline} cannot be after the promised date {limit} ({item})</translation>
    </message>
    <message>
        <source>{what} {day} 已经过去，请选择今天或以后的日期</source>
        <translation>{what} {day} is in the past; choose today or a later date</translation>
    </message>
    <message>
        <source>找不到“办不成事”登记 {number}</source>
        <translation>Can&apos;t-Get-It-Done record {number} not found</translation>
    </message>
    <message>
        <source>“办不成事”登记 {number} 已答复，不能{action}</source>
        <translation>Can&apos;t-Get-It-Done record {number} has been answered; cannot {action}</translation>
    </message>
    <message>
        <source>找不到预约 {number}</source>
        <translation>Appointment {number} not found</translation>
    </message>
    <message>
        <source>预约 {number} 当前状态为“{state}”，不能{action}</source>
        <translation>Appointment {number} is &quot;{state}&quot;; cannot {action}</translation>
    </message>
    <message>
        <source>预约时段有误：{detail}</source>
        <translation>Invalid appointment slot: {detail}</translation>
    </message>
    <message>
        <source>{day} {start}—{end} 时段已约满（共 {capacity} 个），请选择其他时段</source>
        <translation>The slot {day} {start}–{end} is full ({capacity} places); choose another slot</translation>
    </message>
    <message>
        <source>{staff} 在 {day} {start}—{end} 已有预约 {other}，同一时间不能重复安排</source>
        <translation>{staff} already has appointment {other} on {day} {start}–{end}; one appointment at a time</translation>
    </message>
    <message>
        <source>二维码无法识别：{detail}</source>
        <translation>QR code not recognised: {detail}</translation>
    </message>
    <message>
        <source>这不是本大厅的预约单二维码，请出示预约服务单上的二维码</source>
        <translation>This is not one of this hall&apos;s appointment QR codes; please show the QR code on the appointment slip</translation>
    </message>
    <message>
        <source>预约单二维码校验失败：内容被修改或不是本大厅出具，请到导办台人工核实</source>
        <translation>The appointment QR code failed verification (altered, or not issued by this hall); please have it checked at the guide desk</translation>
    </message>
    <message>
        <source>这张预约单是其他政务服务大厅（{hall}）出具的，请到预约的大厅办理</source>
        <translation>This appointment slip was issued by another service hall ({hall}); please go to that hall</translation>
    </message>
    <message>
        <source>这张预约单的预约日期是 {day}，不是今天（{today}），今天不能签到</source>
        <translation>This appointment is for {day}, not today ({today}); it cannot be checked in today</translation>
    </message>
    <message>
        <source>预约 {number} 已改约为 {new_number}，请使用新的预约服务单</source>
        <translation>Appointment {number} was rescheduled as {new_number}; please use the new appointment slip</translation>
    </message>
    <message>
        <source>预约 {number} {state}，本单不能再签到</source>
        <translation>Appointment {number}: {state}; this slip can no longer be checked in</translation>
    </message>
    <message>
        <source>预约单上的预约 {number} 在本大厅找不到，请到导办台人工核实</source>
        <translation>Appointment {number} on the slip is not found in this hall; please have it checked at the guide desk</translation>
    </message>
    <message>
        <source>二维码网址模板应以 http:// 或 https:// 开头：{template}</source>
        <translation>The QR URL template must start with http:// or https://: {template}</translation>
    </message>
    <message>
        <source>二维码网址模板须包含 {{no}}、{{date}}、{{sig}}（可选 {{hall}}），缺少：{missing}；不认识：{unknown}</source>
        <translation>The QR URL template must contain {{no}}, {{date}} and {{sig}} (optionally {{hall}}); missing: {missing}; unknown: {unknown}</translation>
    </message>
    <message>
        <source>工作日历有误：{where}“{value}”不是有效日期（应为 YYYY-MM-DD）</source>
        <translation>Working calendar error: {where} &quot;{value}&quot; is not a valid date (expected YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>工作日历文件格式有误：{detail}</source>
        <translation>Working calendar file is malformed: {detail}</translation>
    </message>
    <message>
        <source>工作日历有误：{day} 既是节假日又是调休上班日</source>
        <translation>Working calendar error: {day} is both a holiday and a make-up workday</translation>
    </message>
</context>
<context>
    <name>escalation</name>
    <message>
        <source>不能办</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>很难办</source>
        <translation>Hard to do</translation>
    </message>
    <message>
        <source>不给办·拖着办</source>
        <translation>Refused · stalled</translation>
    </message>
    <message>
        <source>特殊办</source>
        <translation>Special timing</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
</context>
<context>
    <name>idtype</name>
    <message>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>港澳居民来往内地通行证</source>
        <translation>Mainland travel permit (HK/Macao)</translation>
    </message>
    <message>
        <source>台湾居民来往大陆通行证</source>
        <translation>Mainland travel permit (Taiwan)</translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <translation>Foreign permanent resident ID</translation>
    </message>
    <message>
        <source>其他证件</source>
        <translation>Other ID</translation>
    </message>
</context>
<context>
    <name>outcome</name>
    <message>
        <source>咨询</source>
        <translation>Consulted</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>容缺受理</source>
        <translation>Accepted with deficiency</translation>
    </message>
    <message>
        <source>一次性告知</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <source>指路</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>转“办不成事”窗口</source>
        <translation>To Can&apos;t-Get-It-Done desk</translation>
    </message>
    <message>
        <source>特殊办</source>
        <translation>Special timing</translation>
    </message>
    <message>
        <source>受理通知书</source>
        <translation>Acceptance Notice</translation>
    </message>
    <message>
        <source>容缺受理告知书（明白纸，一式两联）</source>
        <translation>Deficiency Acceptance Notice (Clear Notice, 2 copies)</translation>
    </message>
    <message>
        <source>一次性告知书（明白纸）</source>
        <translation>One-Time Notice (Clear Notice)</translation>
    </message>
    <message>
        <source>指路牌</source>
        <translation>Referral Slip</translation>
    </message>
    <message>
        <source>答复卡</source>
        <translation>Reply Card</translation>
    </message>
    <message>
        <source>预约服务单</source>
        <translation>Appointment Slip</translation>
    </message>
</context>
<context>
    <name>qr</name>
    <message>
        <source>可读文字（手机离线也能查看预约信息）</source>
        <translation>Plain text (readable on a phone even offline)</translation>
    </message>
    <message>
        <source>网址（打开大厅门户网站）</source>
        <translation>Web address (opens the hall&apos;s portal)</translation>
    </message>
    <message>
        <source>日历事件（手机可添加到日历）</source>
        <translation>Calendar event (a phone can add it to its calendar)</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>窗口人员</source>
        <translation>Counter clerk</translation>
    </message>
    <message>
        <source>办不成事窗口</source>
        <translation>Can&apos;t-Get-It-Done desk</translation>
    </message>
    <message>
        <source>值班主任</source>
        <translation>Duty supervisor</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>导办员</source>
        <translation>Lobby guide</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>等候中</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>已叫号</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>Serving</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>已过号</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
</context>
</TS>
