<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About PRDesk</source>
        <extracomment>(part, license) of what ships with prdesk; the full texts are in the installation&apos;s licenses folder.</extracomment>
        <translation>دربارهٔ پی‌آر‌دسک</translation>
    </message>
    <message>
        <source>PRDesk</source>
        <translation>پی‌آر‌دسک</translation>
    </message>
    <message>
        <source>The public-relations desk of the office.</source>
        <translation>میز روابط عمومی اداره.</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>نسخهٔ {version}</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>فایل پایگاه داده:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>فایل گزارش رویدادها:</translation>
    </message>
    <message>
        <source>Bundled parts and their licenses:</source>
        <translation>اجزای همراه برنامه و مجوز آن‌ها:</translation>
    </message>
    <message>
        <source>Full license texts…</source>
        <translation>متن کامل مجوزها…</translation>
    </message>
    <message>
        <source>The full texts are in the licenses folder of the installation; the font&apos;s is in {file}.</source>
        <translation>متن کامل مجوزها در پوشهٔ licenses محل نصب است؛ مجوز قلم در فایل {file}.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>باز کردن پوشه</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>رسانه</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>سطح</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>لحن</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>روز هفته</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>جزئیات</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The window now uses the language you chose.</source>
        <extracomment>Set to &quot;0&quot; to keep automatic backups off in a real run (benchmarks, screenshots). &quot;0&quot; keeps the first-run wizard from offering itself (tests that start the app on a new file). run(): each window&apos;s menus are filled right after its first paint (MainWindow). The check of a database opened before it (run() sets it); None when checked first. Non-zero when the clerk quit at the question about a damaged database.</extracomment>
        <translation>پنجره اکنون به زبانی است که انتخاب کردید.</translation>
    </message>
    <message>
        <source>The database was not opened</source>
        <extracomment>A window not painted this long after it was shown (started minimized) begins its check all the same. run() has ended: no check begins any more.</extracomment>
        <translation>پایگاه داده باز نشد</translation>
    </message>
</context>
<context>
    <name>ArchiveModel</name>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>گیرنده</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>مناسبت</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>راه ارسال</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>شمارهٔ نامه</translation>
    </message>
</context>
<context>
    <name>BackupDialogs</name>
    <message>
        <source>Save the backup file</source>
        <translation>ذخیرهٔ فایل پشتیبان</translation>
    </message>
    <message>
        <source>PRDesk backup files (*{suffix})</source>
        <translation>فایل‌های پشتیبان پی‌آر‌دسک (*{suffix})</translation>
    </message>
    <message>
        <source>PRDesk backup files (*{suffix});;All files (*)</source>
        <translation>فایل‌های پشتیبان پی‌آر‌دسک (*{suffix});;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>پایگاه داده آسیب دیده است</translation>
    </message>
    <message>
        <source>The check at start-up found damage in the database file. To keep it from getting worse, nothing will be written to it. Restore a good backup to go on working.</source>
        <translation>بررسی هنگام باز شدن برنامه در فایل پایگاه داده آسیب پیدا کرد. برای اینکه آسیب بیشتر نشود، چیزی در آن نوشته نمی‌شود. برای ادامهٔ کار یک پشتیبان سالم را بازگردانید.</translation>
    </message>
    <message>
        <source>Newest good backup: {name} ({date})</source>
        <translation>جدیدترین پشتیبان سالم: {name} ({date})</translation>
    </message>
    <message>
        <source>No automatic backup was found in the backup folder; choose a backup file yourself.</source>
        <translation>در پوشهٔ پشتیبان، پشتیبان خودکاری پیدا نشد؛ خودتان یک فایل پشتیبان انتخاب کنید.</translation>
    </message>
    <message>
        <source>Restore the newest good backup</source>
        <translation>بازگردانی جدیدترین پشتیبان سالم</translation>
    </message>
    <message>
        <source>Choose a backup file…</source>
        <translation>انتخاب فایل پشتیبان…</translation>
    </message>
    <message>
        <source>Open read only</source>
        <translation>باز کردن فقط برای خواندن</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Automatic backups</source>
        <translation>پشتیبان‌گیری خودکار</translation>
    </message>
    <message>
        <source>PRDesk backs up your data when you close it and every half hour while something changes.</source>
        <translation>پی‌آر‌دسک هنگام بستن برنامه و تا وقتی چیزی تغییر می‌کند هر نیم ساعت یک بار از داده‌های شما پشتیبان می‌گیرد.</translation>
    </message>
    <message>
        <source>Folder for the backups:</source>
        <translation>پوشهٔ پشتیبان‌ها:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Left empty, the backups stay in the program&apos;s data folder on this computer. A folder on another disk, a USB stick or the office&apos;s file server keeps them safe when this computer fails.</source>
        <translation>اگر خالی بماند، پشتیبان‌ها در پوشهٔ داده‌های برنامه روی همین رایانه می‌مانند. پوشه‌ای روی دیسک دیگر، حافظهٔ USB یا سرور فایل اداره، پشتیبان‌ها را از خرابی این رایانه در امان نگه می‌دارد.</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>انتخاب پوشهٔ پشتیبان</translation>
    </message>
    <message>
        <source>The folder «{folder}» cannot be made here. Choose another folder.</source>
        <translation>پوشهٔ «{folder}» در این مسیر ساخته نمی‌شود. پوشهٔ دیگری انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Damaged database (raw copy)</source>
        <translation>پایگاه دادهٔ آسیب‌دیده (رونوشت خام)</translation>
    </message>
    <message>
        <source>Safety copy before a restore</source>
        <translation>نسخهٔ ایمنی پیش از بازگردانی</translation>
    </message>
    <message>
        <source>Taken from the database file {name}, not from the one open in this window.</source>
        <translation>از فایل پایگاه دادهٔ {name} گرفته شده است، نه از پایگاه داده‌ای که در این پنجره باز است.</translation>
    </message>
    <message>
        <source>The database as it was when a restore replaced it, damaged; kept for a technician.</source>
        <translation>پایگاه داده همان‌طور که هنگام بازگردانی بود، آسیب‌دیده؛ برای کارشناس نگه داشته شده است.</translation>
    </message>
    <message>
        <source>The data as it was just before a restore replaced it; never deleted automatically.</source>
        <translation>داده‌ها همان‌طور که درست پیش از بازگردانی بودند؛ هرگز خودکار پاک نمی‌شود.</translation>
    </message>
    <message>
        <source>An automatic backup is taken when the window closes and every {minutes} minutes while it is open, whenever something changed. Keep a copy outside this computer too: make a backup on a USB stick from time to time.</source>
        <extracomment>The clock the ages are measured with; tests pin it.</extracomment>
        <translation>هر بار که پنجره بسته می‌شود و تا وقتی باز است هر {minutes} دقیقه، اگر چیزی تغییر کرده باشد، پشتیبان خودکار گرفته می‌شود. یک نسخه هم بیرون از این رایانه نگه دارید: هر چند وقت یک بار روی حافظهٔ جانبی (فلش) پشتیبان بگیرید.</translation>
    </message>
    <message>
        <source>Folder of automatic backups</source>
        <translation>پوشهٔ پشتیبان‌های خودکار</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>Show the folder in the file manager</source>
        <translation>نشان دادن پوشه در مدیر فایل‌ها</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>تغییر…</translation>
    </message>
    <message>
        <source>There is no backup in this folder yet.</source>
        <translation>هنوز پشتیبانی در این پوشه نیست.</translation>
    </message>
    <message>
        <source>Make a backup…</source>
        <translation>پشتیبان‌گیری…</translation>
    </message>
    <message>
        <source>Verify a file…</source>
        <translation>بررسی یک فایل…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>بازگردانی از یک فایل…</translation>
    </message>
    <message>
        <source>The folder does not exist yet; it is made with the first backup.</source>
        <translation>این پوشه هنوز وجود ندارد؛ با نخستین پشتیبان ساخته می‌شود.</translation>
    </message>
    <message>
        <source>No automatic backup yet. Make one now with «Make a backup…».</source>
        <translation>هنوز پشتیبان خودکاری گرفته نشده است. همین حالا با «پشتیبان‌گیری…» یکی بگیرید.</translation>
    </message>
    <message>
        <source>Last good backup: {date} ({age})</source>
        <translation>آخرین پشتیبان سالم: {date} ({age})</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>بررسی</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بازگردانی</translation>
    </message>
    <message>
        <source>The folder {folder} could not be made ({reason}). Choose another folder with «Change…».</source>
        <translation>پوشهٔ {folder} ساخته نشد ({reason}). با «تغییر…» پوشهٔ دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>Choose the folder of automatic backups</source>
        <translation>انتخاب پوشهٔ پشتیبان‌های خودکار</translation>
    </message>
    <message>
        <source>This folder cannot be used</source>
        <translation>این پوشه را نمی‌توان به کار برد</translation>
    </message>
    <message>
        <source>Automatic backups now go to the chosen folder.</source>
        <translation>از این پس پشتیبان‌های خودکار در پوشهٔ انتخاب‌شده نوشته می‌شوند.</translation>
    </message>
    <message>
        <source>About this folder</source>
        <translation>دربارهٔ این پوشه</translation>
    </message>
    <message>
        <source>Writing and checking the backup file…</source>
        <translation>نوشتن و بررسی فایل پشتیبان…</translation>
    </message>
    <message>
        <source>Backup cancelled; no file was written.</source>
        <translation>پشتیبان‌گیری لغو شد؛ فایلی نوشته نشد.</translation>
    </message>
    <message>
        <source>The backup was not made</source>
        <translation>پشتیبان گرفته نشد</translation>
    </message>
    <message>
        <source>The backup file was written and checked.</source>
        <translation>فایل پشتیبان نوشته و بررسی شد.</translation>
    </message>
    <message>
        <source>Keep the password safe: without it the file cannot be opened.</source>
        <translation>رمز عبور را جای امنی نگه دارید: بدون آن فایل باز نمی‌شود.</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>پشتیبان گرفته شد</translation>
    </message>
    <message>
        <source>Backup made: {name}</source>
        <translation>پشتیبان گرفته شد: {name}</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>فایل: {path}</translation>
    </message>
    <message>
        <source>Size: {size}</source>
        <translation>اندازه: {size}</translation>
    </message>
    <message>
        <source>Taken: {date}</source>
        <translation>زمان پشتیبان‌گیری: {date}</translation>
    </message>
    <message>
        <source>Password: {answer}</source>
        <translation>رمزدار: {answer}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>همین حالا</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>۱ دقیقه پیش</translation>
    </message>
    <message>
        <source>{count} minutes ago</source>
        <translation>{count} دقیقه پیش</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>۱ ساعت پیش</translation>
    </message>
    <message>
        <source>{count} hours ago</source>
        <translation>{count} ساعت پیش</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>۱ روز پیش</translation>
    </message>
    <message>
        <source>{count} days ago</source>
        <translation>{count} روز پیش</translation>
    </message>
    <message>
        <source>Another database</source>
        <translation>پایگاه دادهٔ دیگر</translation>
    </message>
    <message>
        <source>Looks damaged; verify it</source>
        <translation>به نظر آسیب دیده است؛ آن را بررسی کنید</translation>
    </message>
    <message>
        <source>No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فایل</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>رمز عبور</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>It holds:</source>
        <translation>محتوای آن:</translation>
    </message>
    <message>
        <source>Choose the backup file to verify</source>
        <translation>انتخاب فایل پشتیبان برای بررسی</translation>
    </message>
    <message>
        <source>Verifying the backup file…</source>
        <translation>بررسی فایل پشتیبان…</translation>
    </message>
    <message>
        <source>The backup file is not sound</source>
        <translation>فایل پشتیبان سالم نیست</translation>
    </message>
    <message>
        <source>The backup file is sound: every check passed and it can be restored.</source>
        <translation>فایل پشتیبان سالم است: همهٔ بررسی‌ها را گذراند و می‌توان آن را بازگرداند.</translation>
    </message>
    <message>
        <source>Backup file verified</source>
        <translation>فایل پشتیبان بررسی شد</translation>
    </message>
    <message>
        <source>Choose the backup file to restore</source>
        <translation>انتخاب فایل پشتیبان برای بازگردانی</translation>
    </message>
</context>
<context>
    <name>BackupTables</name>
    <message>
        <source>People</source>
        <extracomment>The tables a clerk recognizes, in the order the restore confirmation lists them.</extracomment>
        <translation>اشخاص</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>سازمان‌ها</translation>
    </message>
    <message>
        <source>Events and ceremonies</source>
        <translation>رویدادها و مراسم</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>ملاقات‌ها</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>نامه‌ها</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Other records (settings, lists, links)</source>
        <translation>رکوردهای دیگر (تنظیمات، فهرست‌ها، پیوندها)</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Leave out</source>
        <extracomment>Reasons the clerk cannot undo with a tick: a deceased, a second record of the same person, a missing value.</extracomment>
        <translation>کنار گذاشتن</translation>
    </message>
    <message>
        <source>Why is {name} left out of this batch?</source>
        <translation>چرا {name} از این دسته کنار گذاشته می‌شود؟</translation>
    </message>
    <message>
        <source>Messages for an occasion</source>
        <translation>پیام‌های یک مناسبت</translation>
    </message>
    <message>
        <source>For example: Nowruz</source>
        <translation>مثلاً: عید نوروز</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>مناسبت</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>الگو</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Send as</source>
        <translation>راه ارسال</translation>
    </message>
    <message>
        <source>Blank back after each odd-length letter (duplex printing)</source>
        <translation>یک صفحهٔ سفید پس از هر نامه با شمار صفحهٔ فرد (چاپ دورو)</translation>
    </message>
    <message>
        <source>Kind of organization</source>
        <translation>نوع سازمان</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>Position holders in</source>
        <translation>صاحبان سمت در</translation>
    </message>
    <message>
        <source>Only our staff</source>
        <translation>فقط کارکنان خودمان</translation>
    </message>
    <message>
        <source>Include people already sent a message for this occasion this year</source>
        <translation>کسانی که امسال برای این مناسبت پیام گرفته‌اند هم باشند</translation>
    </message>
    <message>
        <source>Show recipients</source>
        <translation>نمایش گیرندگان</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>عنوان خطاب</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>سمت</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <source>Left out because</source>
        <translation>دلیل کنار گذاشتن</translation>
    </message>
    <message>
        <source>Leave out…</source>
        <translation>کنار گذاشتن…</translation>
    </message>
    <message>
        <source>Export SMS file…</source>
        <translation>فایل پیامک…</translation>
    </message>
    <message>
        <source>Archive and print…</source>
        <translation>بایگانی و چاپ…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Write the occasion first, for example «عید نوروز».</source>
        <translation>نخست مناسبت را بنویسید، مثلاً «عید نوروز».</translation>
    </message>
    <message>
        <source>Enter the date of the messages.</source>
        <translation>تاریخ پیام‌ها را وارد کنید.</translation>
    </message>
    <message>
        <source>{name} cannot get this message: {reason}.</source>
        <translation>این پیام برای {name} فرستاده نمی‌شود: {reason}.</translation>
    </message>
    <message>
        <source>Select a ticked recipient in the list first.</source>
        <translation>نخست یکی از گیرندگان علامت‌خورده را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <source>{n} recipients, {m} left out</source>
        <translation>{n} گیرنده، {m} کنار گذاشته</translation>
    </message>
    <message>
        <source>Show the recipients and tick at least one.</source>
        <translation>گیرندگان را نمایش دهید و دست‌کم یکی را علامت بزنید.</translation>
    </message>
    <message>
        <source>Save the SMS file</source>
        <translation>ذخیرهٔ فایل پیامک</translation>
    </message>
    <message>
        <source>{n} texts were written; {m} are longer than two SMS parts.</source>
        <translation>{n} متن نوشته شد؛ {m} متن بیش از دو بخش پیامک است.</translation>
    </message>
    <message>
        <source>Save the letters as PDF</source>
        <translation>ذخیرهٔ نامه‌ها به‌صورت PDF</translation>
    </message>
    <message>
        <source>Archiving and printing the messages…</source>
        <translation>بایگانی و چاپ پیام‌ها…</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <source>The batch was cancelled; nothing was archived or printed.</source>
        <translation>ساخت پیام‌ها لغو شد؛ چیزی بایگانی یا چاپ نشد.</translation>
    </message>
    <message>
        <source>{n} messages were archived.</source>
        <translation>{n} پیام بایگانی شد.</translation>
    </message>
    <message>
        <source>The letters are in {path}.</source>
        <translation>نامه‌ها در فایل {path} است.</translation>
    </message>
</context>
<context>
    <name>BereavementDialog</name>
    <message>
        <source>Record a bereavement</source>
        <translation>ثبت درگذشت بستگان</translation>
    </message>
    <message>
        <source>Type part of a name, then choose</source>
        <translation>بخشی از نام را بنویسید و سپس انتخاب کنید</translation>
    </message>
    <message>
        <source>Mourner</source>
        <translation>سوگوار</translation>
    </message>
    <message>
        <source>Name of the deceased</source>
        <translation>نام درگذشته</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>زن</translation>
    </message>
    <message>
        <source>The deceased was</source>
        <translation>درگذشته</translation>
    </message>
    <message>
        <source>Relation to the mourner</source>
        <translation>نسبت با سوگوار</translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation>تاریخ درگذشت</translation>
    </message>
    <message>
        <source>Anniversary by</source>
        <translation>سالگرد به تقویم</translation>
    </message>
    <message>
        <source>Choose a person, not an organization.</source>
        <translation>یک شخص را انتخاب کنید، نه سازمان.</translation>
    </message>
    <message>
        <source>The bereavement was recorded: {days}.</source>
        <translation>درگذشت ثبت شد: {days}.</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Please check the value</source>
        <translation>مقدار را بررسی کنید</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Calendar and ceremonies</source>
        <translation>تقویم و مراسم</translation>
    </message>
    <message>
        <source>Month</source>
        <extracomment>The office&apos;s occasions window and the occasion dialog opened from the day panel (for the tests). The print preview opened last.</extracomment>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>برنامهٔ ملاقات‌ها</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>امروز</translation>
    </message>
    <message>
        <source>Show today (Ctrl+T)</source>
        <translation>نمایش امروز (Ctrl+T)</translation>
    </message>
    <message>
        <source>Go to date…</source>
        <translation>رفتن به تاریخ…</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>نمایش</translation>
    </message>
    <message>
        <source>Show the day typed</source>
        <translation>نمایش روزی که نوشته‌اید</translation>
    </message>
    <message>
        <source>Occasions</source>
        <translation>مناسبت‌ها</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>مراسم اداره</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>دسته:</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>همهٔ دسته‌ها</translation>
    </message>
    <message>
        <source>Previous year (Ctrl+PageUp)</source>
        <translation>سال قبل (Ctrl+PageUp)</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>Previous month (PageUp)</source>
        <translation>ماه قبل (PageUp)</translation>
    </message>
    <message>
        <source>Next month (PageDown)</source>
        <translation>ماه بعد (PageDown)</translation>
    </message>
    <message>
        <source>Next year (Ctrl+PageDown)</source>
        <translation>سال بعد (Ctrl+PageDown)</translation>
    </message>
    <message>
        <source>Office occasions…</source>
        <translation>مناسبت‌های اداره…</translation>
    </message>
    <message>
        <source>The office&apos;s own recurring occasions, and the occasions you hid</source>
        <translation>مناسبت‌های هرسالهٔ خود اداره، و مناسبت‌هایی که پنهان کرده‌اید</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>چاپ</translation>
    </message>
    <message>
        <source>Print the month, the year or the annual plan of ceremonies (Ctrl+P)</source>
        <translation>چاپ ماه، سال یا برنامهٔ سالانهٔ مراسم (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print this month</source>
        <translation>چاپ این ماه</translation>
    </message>
    <message>
        <source>Print the year (12 months and the year view)</source>
        <translation>چاپ سال (۱۲ ماه و نمای سال)</translation>
    </message>
    <message>
        <source>Annual plan of ceremonies</source>
        <translation>برنامهٔ سالانهٔ مراسم</translation>
    </message>
    <message>
        <source>Calendar paper</source>
        <translation>کاغذ تقویم</translation>
    </message>
    <message>
        <source>A4 (desk)</source>
        <translation>A4 (رومیزی)</translation>
    </message>
    <message>
        <source>A3 (wall)</source>
        <translation>A3 (دیواری)</translation>
    </message>
    <message>
        <source>Include contacts&apos; birthdays</source>
        <translation>تولد مخاطبان هم چاپ شود</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>تولدها</translation>
    </message>
    <message>
        <source>Birthdays and other dates kept on people in the contacts</source>
        <translation>تولدها و دیگر تاریخ‌هایی که برای اشخاص در مخاطبان ثبت شده است</translation>
    </message>
    <message>
        <source>Hidden occasions</source>
        <translation>مناسبت‌های پنهان</translation>
    </message>
    <message>
        <source>List the catalog occasions you hid, greyed, so you can show them again</source>
        <translation>مناسبت‌هایی را که پنهان کرده‌اید کم‌رنگ نشان می‌دهد تا بتوانید دوباره آشکارشان کنید</translation>
    </message>
    <message>
        <source>Nothing on this day.</source>
        <translation>در این روز چیزی نیست.</translation>
    </message>
    <message>
        <source>Double-click an event to edit it; right-click an occasion to hide it.</source>
        <translation>برای ویرایش مراسم روی آن دوبار کلیک کنید؛ برای پنهان کردن یک مناسبت روی آن راست‌کلیک کنید.</translation>
    </message>
    <message>
        <source>New event on this day…</source>
        <translation>مراسم جدید در این روز…</translation>
    </message>
    <message>
        <source>Add an event on this day (Ctrl+N)</source>
        <translation>افزودن مراسم در همین روز (Ctrl+N)</translation>
    </message>
    <message>
        <source>Words in the title</source>
        <translation>واژه‌هایی از عنوان</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>نمایش</translation>
    </message>
    <message>
        <source>List everything in this range</source>
        <translation>فهرست همهٔ موارد این بازه</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <source>lunar days marked * are estimated from the crescent; they may move by a day</source>
        <translation>روزهای قمری ستاره‌دار برآورد رؤیت هلال است و ممکن است یک روز جابه‌جا شود</translation>
    </message>
    <message>
        <source>lunar days marked * are the Calendar Center&apos;s prediction, not yet official</source>
        <translation>روزهای قمری ستاره‌دار پیش‌بینی مرکز تقویم است و هنوز رسمی نشده</translation>
    </message>
    <message>
        <source>Type the date to show, e.g. 1405/01/01.</source>
        <translation>تاریخ روزی را که می‌خواهید ببینید بنویسید، مثلاً ۱۴۰۵/۰۱/۰۱.</translation>
    </message>
    <message>
        <source>Official holiday</source>
        <translation>تعطیل رسمی</translation>
    </message>
    <message>
        <source>Friday, the weekly holiday</source>
        <translation>جمعه، تعطیل هفتگی</translation>
    </message>
    <message>
        <source>lunar date as predicted; not yet official</source>
        <translation>تاریخ قمری پیش‌بینی‌شده؛ هنوز رسمی نیست</translation>
    </message>
    <message>
        <source>lunar date estimated</source>
        <translation>تاریخ قمری برآوردی</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>پنهان</translation>
    </message>
    <message>
        <source>Edit event…</source>
        <translation>ویرایش مراسم…</translation>
    </message>
    <message>
        <source>Mark as held</source>
        <translation>ثبت «برگزار شد»</translation>
    </message>
    <message>
        <source>Mark as cancelled</source>
        <translation>ثبت «لغو شد»</translation>
    </message>
    <message>
        <source>Mark as planned</source>
        <translation>ثبت «برنامه‌ریزی‌شده»</translation>
    </message>
    <message>
        <source>Delete event…</source>
        <translation>حذف مراسم…</translation>
    </message>
    <message>
        <source>Edit the office&apos;s occasion…</source>
        <translation>ویرایش مناسبت اداره…</translation>
    </message>
    <message>
        <source>The office&apos;s occasions…</source>
        <translation>مناسبت‌های اداره…</translation>
    </message>
    <message>
        <source>Show this occasion again</source>
        <translation>آشکار کردن دوبارهٔ این مناسبت</translation>
    </message>
    <message>
        <source>Hide this occasion</source>
        <translation>پنهان کردن این مناسبت</translation>
    </message>
    <message>
        <source>The occasion is hidden; tick «Show hidden occasions» to see it and show it again.</source>
        <translation>مناسبت پنهان شد؛ برای دیدن و آشکار کردن دوبارهٔ آن «نمایش مناسبت‌های پنهان» را بزنید.</translation>
    </message>
    <message>
        <source>The occasion is shown again.</source>
        <translation>مناسبت دوباره نشان داده می‌شود.</translation>
    </message>
    <message>
        <source>Delete the event «{title}»?</source>
        <translation>مراسم «{title}» حذف شود؟</translation>
    </message>
    <message>
        <source>The event was deleted.</source>
        <translation>مراسم حذف شد.</translation>
    </message>
    <message>
        <source>Laying out the calendar of {month}…</source>
        <translation>در حال آماده‌سازی تقویم {month}…</translation>
    </message>
    <message>
        <source>Calendar of {month}</source>
        <translation>تقویم {month}</translation>
    </message>
    <message>
        <source>calendar {month}</source>
        <translation>تقویم {month}</translation>
    </message>
    <message>
        <source>Laying out the twelve months of {year}…</source>
        <translation>در حال آماده‌سازی دوازده ماه سال {year}…</translation>
    </message>
    <message>
        <source>Calendar of the year {year}</source>
        <translation>تقویم سال {year}</translation>
    </message>
    <message>
        <source>calendar {year}</source>
        <translation>تقویم سال {year}</translation>
    </message>
    <message>
        <source>Laying out the annual plan of {year}…</source>
        <translation>در حال آماده‌سازی برنامهٔ سالانهٔ {year}…</translation>
    </message>
    <message>
        <source>Annual plan of ceremonies {year}</source>
        <translation>برنامهٔ سالانهٔ مراسم {year}</translation>
    </message>
    <message>
        <source>annual plan {year}</source>
        <translation>برنامه سالانه مراسم {year}</translation>
    </message>
    <message>
        <source>Type the first and the last day of the range.</source>
        <translation>روز شروع و روز پایان بازه را بنویسید.</translation>
    </message>
    <message>
        <source>The last day comes before the first; swap them.</source>
        <translation>روز پایان پیش از روز شروع است؛ جای آن دو را عوض کنید.</translation>
    </message>
    <message>
        <source>Reading… {count} so far</source>
        <translation>در حال خواندن… تا اینجا {count} مورد</translation>
    </message>
    <message>
        <source>{count} items from {first} to {last}</source>
        <translation>{count} مورد از {first} تا {last}</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel meeting</source>
        <translation>لغو ملاقات</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>ذخیره (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>بستن بدون ذخیره (Esc)</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>Search names, organizations, positions, cities or phone numbers (Ctrl+F)</source>
        <translation>جست‌وجوی نام، سازمان، سمت، شهر یا شمارهٔ تلفن (Ctrl+F)</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>سازمان جدید</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>شخص جدید</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>ورود از فایل…</translation>
    </message>
    <message>
        <source>Import contacts from an Excel or CSV file</source>
        <translation>ورود مخاطبان از فایل اکسل یا CSV</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>خروجی…</translation>
    </message>
    <message>
        <source>Export the contacts to Excel, CSV or vCard</source>
        <translation>خروجی مخاطبان به اکسل، CSV یا vCard</translation>
    </message>
    <message>
        <source>Print list…</source>
        <translation>چاپ فهرست…</translation>
    </message>
    <message>
        <source>Print the directory of the contacts listed now (Ctrl+P)</source>
        <translation>چاپ فهرست مخاطبانی که اکنون نمایش داده شده‌اند (Ctrl+P)</translation>
    </message>
    <message>
        <source>Message to this contact…</source>
        <translation>پیام به این مخاطب…</translation>
    </message>
    <message>
        <source>Write a greeting or condolence to the selected contact</source>
        <translation>نوشتن پیام تبریک یا تسلیت به مخاطب انتخاب‌شده</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>همهٔ انواع</translation>
    </message>
    <message>
        <source>All activities</source>
        <translation>همهٔ فعالیت‌ها</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>همهٔ استان‌ها</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>همهٔ شهرها</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>همهٔ برچسب‌ها</translation>
    </message>
    <message>
        <source>Staff and others</source>
        <translation>کارکنان و دیگران</translation>
    </message>
    <message>
        <source>Our staff only</source>
        <translation>فقط کارکنان</translation>
    </message>
    <message>
        <source>Not our staff</source>
        <translation>غیر از کارکنان</translation>
    </message>
    <message>
        <source>Only organizations of this kind, and their people</source>
        <translation>فقط سازمان‌های این نوع و افرادشان</translation>
    </message>
    <message>
        <source>Only organizations with this activity, and their people</source>
        <translation>فقط سازمان‌های این فعالیت و افرادشان</translation>
    </message>
    <message>
        <source>Only this province</source>
        <translation>فقط این استان</translation>
    </message>
    <message>
        <source>Only this city</source>
        <translation>فقط این شهر</translation>
    </message>
    <message>
        <source>Only contacts with this tag</source>
        <translation>فقط مخاطبان دارای این برچسب</translation>
    </message>
    <message>
        <source>Our own staff or the others (people only)</source>
        <translation>کارکنان خود ما یا دیگران (فقط برای اشخاص)</translation>
    </message>
    <message>
        <source>Show everyone</source>
        <translation>نمایش همه</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>سازمان‌ها</translation>
    </message>
    <message>
        <source>People</source>
        <translation>اشخاص</translation>
    </message>
    <message>
        <source>Show all (clear search and filters)</source>
        <translation>نمایش همه (پاک کردن جست‌وجو و فیلترها)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جدید</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <source>Print list</source>
        <translation>چاپ فهرست</translation>
    </message>
    <message>
        <source>Edit</source>
        <extracomment>The print preview opened last.</extracomment>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Only the people of «{name}»</source>
        <translation>فقط افراد «{name}»</translation>
    </message>
    <message>
        <source>Organizations ({count})</source>
        <translation>سازمان‌ها ({count})</translation>
    </message>
    <message>
        <source>People ({count})</source>
        <translation>اشخاص ({count})</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} شخص</translation>
    </message>
    <message>
        <source>{count} of {all} people</source>
        <translation>{count} از {all} شخص</translation>
    </message>
    <message>
        <source>{count} organizations</source>
        <translation>{count} سازمان</translation>
    </message>
    <message>
        <source>{count} of {all} organizations</source>
        <translation>{count} از {all} سازمان</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
    <message>
        <source>Select a contact in the list first.</source>
        <translation>ابتدا مخاطبی را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <source>The {count} selected organizations are deleted.</source>
        <translation>{count} سازمان انتخاب‌شده پاک می‌شوند.</translation>
    </message>
    <message>
        <source>{people} people of theirs stay in the contacts, linked to no organization.</source>
        <translation>{people} نفر از افراد آن‌ها در مخاطبان می‌مانند ولی به هیچ سازمانی وصل نیستند.</translation>
    </message>
    <message>
        <source>Delete?</source>
        <translation>حذف شود؟</translation>
    </message>
    <message>
        <source>Delete «{name}» from the contacts?</source>
        <translation>«{name}» از مخاطبان پاک شود؟</translation>
    </message>
    <message>
        <source>Delete the {count} selected people from the contacts?</source>
        <translation>{count} شخص انتخاب‌شده از مخاطبان پاک شوند؟</translation>
    </message>
    <message>
        <source>Their tags, other dates and position history are deleted too.</source>
        <translation>برچسب‌ها، تاریخ‌های دیگر و سوابق سمت هم پاک می‌شوند.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>حذف شد.</translation>
    </message>
    <message>
        <source>Select two records to merge, or one and then find the other.</source>
        <translation>برای ادغام دو رکورد را انتخاب کنید، یا یکی را انتخاب کنید و دیگری را پیدا کنید.</translation>
    </message>
    <message>
        <source>{number} copied.</source>
        <translation>{number} رونوشت شد.</translation>
    </message>
    <message>
        <source>This record has no phone number.</source>
        <translation>این رکورد شمارهٔ تلفن ندارد.</translation>
    </message>
    <message>
        <source>Contacts directory</source>
        <translation>فهرست مخاطبان</translation>
    </message>
    <message>
        <source>Organizations directory</source>
        <translation>فهرست سازمان‌ها</translation>
    </message>
    <message>
        <source>Laying out the directory…</source>
        <translation>در حال آماده‌سازی فهرست…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Copy phone number</source>
        <translation>رونوشت شمارهٔ تلفن</translation>
    </message>
    <message>
        <source>Show its people</source>
        <translation>نمایش افراد این سازمان</translation>
    </message>
    <message>
        <source>Add a person here…</source>
        <translation>افزودن شخص به این سازمان…</translation>
    </message>
    <message>
        <source>Merge the two selected…</source>
        <translation>ادغام دو مورد انتخاب‌شده…</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>ادغام با…</translation>
    </message>
</context>
<context>
    <name>CopyLine</name>
    <message>
        <source>Who receives a copy, e.g. the deputy for cooperatives</source>
        <extracomment>What a draft shows where the number goes: a printed draft can never pass for a sent letter.</extracomment>
        <translation>گیرندهٔ رونوشت، مثلاً معاون محترم توسعهٔ تعاون</translation>
    </message>
    <message>
        <source>Remove this copy line</source>
        <translation>حذف این رونوشت</translation>
    </message>
</context>
<context>
    <name>CopyList</name>
    <message>
        <source>Add a copy recipient</source>
        <translation>افزودن گیرندهٔ رونوشت</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>(predicted)</source>
        <extracomment>On a collapsed line of people&apos;s dates: the key of its rows, made when it is first opened. Qt.AlignmentFlag.AlignAbsolute, AlignRight and AlignLeft as integers (for the today card, before the paint). The object name of the workers that read the dashboard&apos;s boxes beside the lists (messages to send). The object name of the workers that read the lists; the application waits for them before quitting. After the page is shown, the lists are read when it has been painted, or after this long. Rows right under the day, in the day&apos;s order. People&apos;s dates gathered under one collapsed line (empty when there are few). The event&apos;s day and a separator, for «in N days» to follow.</extracomment>
        <translation>(پیش‌بینی)</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>(برآورد)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <extracomment>The lists of a fresh read are on screen.</extracomment>
        <translation>پیشخوان</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>امروز</translation>
    </message>
    <message>
        <source>Friday, the weekly holiday</source>
        <translation>جمعه، تعطیل هفتگی</translation>
    </message>
    <message>
        <source>Lunar (Hijri)</source>
        <translation>قمری</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>میلادی</translation>
    </message>
    <message>
        <source>The next 14 days</source>
        <translation>۱۴ روز پیش رو</translation>
    </message>
    <message>
        <source>Nothing in the next two weeks.</source>
        <translation>در دو هفتهٔ پیش رو چیزی نیست.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>Reminders due</source>
        <translation>یادآوری‌های سررسیده</translation>
    </message>
    <message>
        <source>No reminders are due.</source>
        <translation>یادآوری سررسیده‌ای نیست.</translation>
    </message>
    <message>
        <source>estimated from the first visibility of the crescent; may move by a day</source>
        <translation>برآورد از رؤیت هلال؛ ممکن است یک روز جابه‌جا شود</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>فردا</translation>
    </message>
    <message>
        <source>in {count} days</source>
        <translation>{count} روز دیگر</translation>
    </message>
    <message>
        <source>Birthdays and people&apos;s dates: {count}</source>
        <translation>تولدها و تاریخ‌های اشخاص: {count}</translation>
    </message>
    <message>
        <source>not known for this year</source>
        <extracomment>The rows of collapsed people&apos;s lines not made yet, by the line&apos;s GROUP_ROLE key.</extracomment>
        <translation>برای این سال در دسترس نیست</translation>
    </message>
    <message>
        <source>as predicted by the Calendar Center; not yet official</source>
        <translation>پیش‌بینی مرکز تقویم؛ هنوز رسمی نشده</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <source>The database is damaged and open read only, so nothing was saved. Restore a good backup on the «Backup and settings» page to go on working.</source>
        <translation>پایگاه داده آسیب دیده است و فقط برای خواندن باز شده، پس چیزی ذخیره نشد. برای ادامهٔ کار در صفحهٔ «پشتیبان‌گیری و تنظیمات» یک پشتیبان سالم را بازگردانید.</translation>
    </message>
    <message>
        <source>The database is still being checked, so nothing was saved. Try again in a moment.</source>
        <translation>پایگاه داده هنوز در حال بررسی است، برای همین چیزی ذخیره نشد. چند لحظهٔ دیگر دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Nothing was saved</source>
        <translation>چیزی ذخیره نشد</translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation>رمز عبور نادرست</translation>
    </message>
    <message>
        <source>Checking the backup file…</source>
        <translation>بررسی فایل پشتیبان…</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>پشتیبان بازگردانده نشد</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>بازگردانی پشتیبان…</translation>
    </message>
    <message>
        <source>The data of the backup taken on {date} is back.</source>
        <translation>داده‌های پشتیبانِ {date} بازگردانده شد.</translation>
    </message>
    <message>
        <source>The data from before the restore was kept as a safety copy in this file:</source>
        <translation>داده‌های پیش از بازگردانی به‌صورت نسخهٔ ایمنی در این فایل نگه داشته شد:</translation>
    </message>
    <message>
        <source>{count} letters numbered after the backup were kept in the letter register.</source>
        <translation>{count} نامه که پس از پشتیبان شماره گرفته بودند در دفتر نامه‌ها نگه داشته شدند.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>پشتیبان بازگردانده شد</translation>
    </message>
    <message>
        <source>Choose the backup file to restore</source>
        <translation>انتخاب فایل پشتیبان برای بازگردانی</translation>
    </message>
    <message>
        <source>Taking an automatic backup…</source>
        <extracomment>An automatic backup was written (AutomaticBackupResult). The text of the last automatic-backup failure, or &quot;&quot; once one succeeded again. A backup was restored and the database opened again: every page must show it. The database, checked at start-up, is open for writing now.</extracomment>
        <translation>در حال گرفتن پشتیبان خودکار…</translation>
    </message>
    <message>
        <source>Automatic backup saved: {name}</source>
        <translation>پشتیبان خودکار ذخیره شد: {name}</translation>
    </message>
    <message>
        <source>The automatic backup failed. The previous backups are kept.</source>
        <translation>پشتیبان خودکار گرفته نشد. پشتیبان‌های قبلی سر جایشان هستند.</translation>
    </message>
    <message>
        <source>The automatic backup was not taken</source>
        <translation>پشتیبان خودکار گرفته نشد</translation>
    </message>
    <message>
        <source>Taking an automatic backup before closing…</source>
        <translation>گرفتن پشتیبان خودکار پیش از بستن…</translation>
    </message>
    <message>
        <source>Checking the database; this may take a minute on a large database…</source>
        <translation>بررسی پایگاه داده؛ در پایگاه دادهٔ بزرگ ممکن است یک دقیقه طول بکشد…</translation>
    </message>
    <message>
        <source>The check did not run</source>
        <translation>بررسی انجام نشد</translation>
    </message>
    <message>
        <source>The window closes now; open PRDesk again.</source>
        <translation>پنجره اکنون بسته می‌شود؛ پی‌آر‌دسک را دوباره باز کنید.</translation>
    </message>
    <message>
        <source>The database was not opened again</source>
        <translation>پایگاه داده دوباره باز نشد</translation>
    </message>
</context>
<context>
    <name>DirectoryPrintDialog</name>
    <message>
        <source>Print the directory</source>
        <translation>چاپ فهرست</translation>
    </message>
    <message>
        <source>The {organizations} organizations that match the search and filters now are printed.</source>
        <translation>{organizations} سازمانی که اکنون با جست‌وجو و فیلترها جور درمی‌آیند چاپ می‌شوند.</translation>
    </message>
    <message>
        <source>All {organizations} organizations are printed.</source>
        <translation>همهٔ {organizations} سازمان چاپ می‌شوند.</translation>
    </message>
    <message>
        <source>Group the organizations by:</source>
        <translation>گروه‌بندی سازمان‌ها بر حسب:</translation>
    </message>
    <message>
        <source>Kind (union, cooperative, …)</source>
        <translation>نوع (اتحادیه، شرکت تعاونی، …)</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Also list their people ({count})</source>
        <translation>افراد آن‌ها هم فهرست شوند ({count} نفر)</translation>
    </message>
    <message>
        <source>Preview and print</source>
        <translation>پیش‌نمایش و چاپ</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicate</source>
        <translation>شاید تکراری باشد</translation>
    </message>
    <message>
        <source>An organization that looks the same is already in the contacts:</source>
        <translation>سازمانی که به نظر همین سازمان است، از قبل در مخاطبان هست:</translation>
    </message>
    <message>
        <source>A person who looks the same is already in the contacts:</source>
        <translation>شخصی که به نظر همین شخص است، از قبل در مخاطبان هست:</translation>
    </message>
    <message>
        <source>Open the existing record to correct it, or save this one as a new record anyway.</source>
        <translation>رکورد موجود را باز کنید و اصلاح کنید، یا با این حال این را به‌عنوان رکورد جدید ذخیره کنید.</translation>
    </message>
    <message>
        <source>Open the existing record</source>
        <translation>باز کردن رکورد موجود</translation>
    </message>
    <message>
        <source>Save as new anyway</source>
        <translation>با این حال جدید ذخیره شود</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>بازگشت به فرم</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Does not repeat</source>
        <translation>بدون تکرار</translation>
    </message>
    <message>
        <source>Every year on the same Jalali date</source>
        <translation>هر سال در همین تاریخ خورشیدی</translation>
    </message>
    <message>
        <source>Every year on the same lunar date</source>
        <translation>هر سال در همین تاریخ قمری</translation>
    </message>
    <message>
        <source>Every month on the same Jalali day</source>
        <translation>هر ماه در همین روز ماه خورشیدی</translation>
    </message>
    <message>
        <source>Every three months on the same day</source>
        <translation>هر سه ماه (فصلی) در همین روز</translation>
    </message>
    <message>
        <source>Every week on the same weekday</source>
        <translation>هر هفته در همین روز هفته</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>ویرایش مراسم</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>مراسم جدید</translation>
    </message>
    <message>
        <source>e.g. Honoring the retirees of the spring quarter</source>
        <translation>مثلاً تکریم بازنشستگان فصل بهار</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>تمام روز</translation>
    </message>
    <message>
        <source>from</source>
        <translation>از</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>ساعت</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>محل برگزاری</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <source>Type a name to add an invitee</source>
        <translation>برای افزودن مدعو نامش را بنویسید</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف از فهرست</translation>
    </message>
    <message>
        <source>Remove the selected invitee (Delete)</source>
        <translation>حذف مدعو انتخاب‌شده (Delete)</translation>
    </message>
    <message>
        <source>Invitees</source>
        <translation>مدعوین</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>توضیحات</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>تکرار</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>بی‌پایان</translation>
    </message>
    <message>
        <source>Repeats until</source>
        <translation>تکرار تا</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>بدون یادآوری</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> روز پیش از آن</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>یادآوری</translation>
    </message>
    <message>
        <source>Save the event (Ctrl+S)</source>
        <translation>ذخیرهٔ مراسم (Ctrl+S)</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>حذف مراسم</translation>
    </message>
    <message>
        <source>The event was saved.</source>
        <translation>مراسم ذخیره شد.</translation>
    </message>
    <message>
        <source>Delete the event «{title}»?</source>
        <translation>مراسم «{title}» حذف شود؟</translation>
    </message>
    <message>
        <source>The event was deleted.</source>
        <translation>مراسم حذف شد.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export contacts</source>
        <translation>خروجی گرفتن از مخاطبان</translation>
    </message>
    <message>
        <source>Which contacts</source>
        <translation>کدام مخاطبان</translation>
    </message>
    <message>
        <source>Everything in the contacts</source>
        <translation>همهٔ مخاطبان</translation>
    </message>
    <message>
        <source>Only what the list shows now ({count})</source>
        <translation>فقط آنچه فهرست اکنون نشان می‌دهد ({count})</translation>
    </message>
    <message>
        <source>What</source>
        <translation>چه چیز</translation>
    </message>
    <message>
        <source>People with their organizations, every field (can be imported back)</source>
        <translation>اشخاص با سازمانشان، همهٔ فیلدها (دوباره وارد‌شدنی)</translation>
    </message>
    <message>
        <source>People, the columns of the list</source>
        <translation>اشخاص، ستون‌های فهرست</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>سازمان‌ها</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>قالب</translation>
    </message>
    <message>
        <source>Excel workbook (xlsx)</source>
        <translation>فایل اکسل (xlsx)</translation>
    </message>
    <message>
        <source>CSV text for Excel and other programs (csv)</source>
        <translation>متن CSV برای اکسل و برنامه‌های دیگر</translation>
    </message>
    <message>
        <source>vCard for phones, Outlook and Thunderbird (vcf)</source>
        <translation>کارت vCard برای گوشی، اوت‌لوک و تاندربرد</translation>
    </message>
    <message>
        <source>Cells that start with =, +, - or @ are written so that Excel never runs them as formulas.</source>
        <translation>خانه‌هایی که با =، +، - یا @ شروع می‌شوند طوری نوشته می‌شوند که اکسل هرگز آن‌ها را فرمول اجرا نکند.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>خروجی…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>فایل اکسل (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>فایل CSV (*.csv)</translation>
    </message>
    <message>
        <source>vCard file (*.vcf)</source>
        <translation>فایل vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>ذخیرهٔ خروجی با نام</translation>
    </message>
    <message>
        <source>Writing «{name}»…</source>
        <translation>در حال نوشتن «{name}»…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>در حال خروجی گرفتن</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>خروجی گرفتن لغو شد؛ هیچ فایلی نوشته نشد.</translation>
    </message>
    <message>
        <source>{count} records were written to «{path}».</source>
        <translation>{count} رکورد در «{path}» نوشته شد.</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>خروجی آماده شد</translation>
    </message>
    <message>
        <source>The file was not written</source>
        <translation>فایل نوشته نشد</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>serial number</source>
        <extracomment>The office fields the wizard asks for, in the order it asks. Letter-number patterns offered by name; the one already saved is offered too.</extracomment>
        <translation>شمارهٔ ترتیبی</translation>
    </message>
    <message>
        <source>letter type</source>
        <translation>نوع نامه</translation>
    </message>
    <message>
        <source>unit code</source>
        <translation>کد واحد</translation>
    </message>
    <message>
        <source>two-digit year</source>
        <translation>سال دورقمی</translation>
    </message>
    <message>
        <source>year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>{name}, {digits} digits</source>
        <translation>{name}، {digits} رقمی</translation>
    </message>
    <message>
        <source>The letterhead is not filled in yet</source>
        <translation>سربرگ هنوز کامل نشده است</translation>
    </message>
    <message>
        <source>This letter prints with the general letterhead: the name of your office or the signatory is still missing. Fill them in under File → Set up the office… or on the Settings tab; letters printed afterwards carry them.</source>
        <translation>این نامه با سربرگ عمومی چاپ می‌شود: نام ادارهٔ شما یا امضاکننده هنوز وارد نشده است. آن‌ها را از «فایل ← راه‌اندازی اداره…» یا زبانهٔ «تنظیمات» وارد کنید؛ نامه‌هایی که پس از آن چاپ می‌شوند آن‌ها را دارند.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up PRDesk</source>
        <translation>راه‌اندازی پی‌آر‌دسک</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up</source>
        <translation>پیگیری</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>اقدام</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>ارجاع به</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>سررسید</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>یادداشت پایانی</translation>
    </message>
</context>
<context>
    <name>FollowupsTab</name>
    <message>
        <source>Open follow-ups</source>
        <translation>پیگیری‌های باز</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>پیگیری‌های سررسیدگذشته</translation>
    </message>
    <message>
        <source>All follow-ups</source>
        <translation>همهٔ پیگیری‌ها</translation>
    </message>
    <message>
        <source>Change state…</source>
        <translation>تغییر وضعیت…</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>سررسید</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>اقدام</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>ارجاع به</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>مراجعه‌کنندگان</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>یادداشت پایانی</translation>
    </message>
    <message>
        <source>%1 follow-ups, %2 overdue</source>
        <translation>%1 پیگیری، %2 سررسیدگذشته</translation>
    </message>
</context>
<context>
    <name>HealthReportDialog</name>
    <message>
        <source>Database health check</source>
        <translation>بررسی سلامت پایگاه داده</translation>
    </message>
    <message>
        <source>The database is sound. Nothing needs to be done.</source>
        <translation>پایگاه داده سالم است. کاری لازم نیست.</translation>
    </message>
    <message>
        <source>The database is damaged. Do not enter new data; restore the newest good backup on the Backup page.</source>
        <translation>پایگاه داده آسیب دیده است. دادهٔ جدید وارد نکنید؛ در برگهٔ پشتیبان‌گیری جدیدترین پشتیبان سالم را بازگردانید.</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>فایل پایگاه داده:</translation>
    </message>
    <message>
        <source>Structure version {version} of {latest}</source>
        <translation>نسخهٔ ساختار: {version} از {latest}</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>رکوردها</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>تعداد</translation>
    </message>
    <message>
        <source>Go to the backups…</source>
        <translation>رفتن به پشتیبان‌ها…</translation>
    </message>
</context>
<context>
    <name>HeldDialog</name>
    <message>
        <source>Meeting held</source>
        <translation>برگزاری ملاقات</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>Needs a follow-up</source>
        <translation>پیگیری لازم دارد</translation>
    </message>
    <message>
        <source>Action to follow up</source>
        <translation>اقدامی که باید پیگیری شود</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>ارجاع به</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>سررسید</translation>
    </message>
    <message>
        <source>Write the action to follow up, or untick «Needs a follow-up».</source>
        <translation>اقدامی را که باید پیگیری شود بنویسید، یا تیک «پیگیری لازم دارد» را بردارید.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Contents</source>
        <extracomment>The guide&apos;s pages in reading order: (file name without .html, title as the list shows it). The guide&apos;s page for each area of the window (MainWindow&apos;s page keys); others open the contents.</extracomment>
        <translation>فهرست</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>Calendar and ceremonies</source>
        <translation>تقویم و مراسم</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>ملاقات‌ها</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <source>Letters and printing</source>
        <translation>نامه و چاپ</translation>
    </message>
    <message>
        <source>Backup and settings</source>
        <translation>پشتیبان‌گیری و تنظیمات</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>کلیدهای میان‌بر</translation>
    </message>
    <message>
        <source>PRDesk help</source>
        <translation>راهنمای پی‌آر‌دسک</translation>
    </message>
</context>
<context>
    <name>HostsDialog</name>
    <message>
        <source>Hosts and rooms</source>
        <translation>میزبان‌ها و اتاق‌های ملاقات</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>میزبان‌ها</translation>
    </message>
    <message>
        <source>Name of a new host</source>
        <translation>نام میزبان جدید</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>افزودن میزبان</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>min</source>
        <translation>دقیقه</translation>
    </message>
    <message>
        <source>Slot length</source>
        <translation>طول هر نوبت</translation>
    </message>
    <message>
        <source>Offered when booking</source>
        <translation>در ثبت ملاقات پیشنهاد شود</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Working hours (empty: no meetings that day)</source>
        <translation>ساعت کار (خالی: آن روز ملاقات ندارد)</translation>
    </message>
    <message>
        <source>Save host</source>
        <translation>ذخیرهٔ میزبان</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>اتاق‌ها</translation>
    </message>
    <message>
        <source>Name of a new room</source>
        <translation>نام اتاق جدید</translation>
    </message>
    <message>
        <source>Capacity (optional)</source>
        <translation>ظرفیت (اختیاری)</translation>
    </message>
    <message>
        <source>Add room</source>
        <translation>افزودن اتاق</translation>
    </message>
    <message>
        <source>Offer / stop offering</source>
        <translation>پیشنهاد شود / نشود</translation>
    </message>
    <message>
        <source>%1 (not offered)</source>
        <translation>%1 (پیشنهاد نمی‌شود)</translation>
    </message>
    <message>
        <source>seats</source>
        <translation>نفر</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import contacts from a file</source>
        <translation>ورود مخاطبان از فایل</translation>
    </message>
    <message>
        <source>Choose an Excel workbook (xlsx) or a CSV file. The first row should hold the column names; check below where each column goes, then import. The whole file is imported in one go: if you cancel, nothing is changed.</source>
        <translation>یک فایل اکسل (xlsx) یا CSV انتخاب کنید. سطر اول باید نام ستون‌ها باشد؛ در پایین ببینید هر ستون به کجا می‌رود و سپس وارد کنید. کل فایل یک‌جا وارد می‌شود: اگر لغو کنید، هیچ چیز تغییر نمی‌کند.</translation>
    </message>
    <message>
        <source>No file chosen yet</source>
        <translation>هنوز فایلی انتخاب نشده است</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>انتخاب فایل…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>فایل:</translation>
    </message>
    <message>
        <source>Decide from the file</source>
        <translation>از روی خود فایل تشخیص داده شود</translation>
    </message>
    <message>
        <source>How the characters of a CSV file are stored. If the names in the preview look garbled, choose the other one.</source>
        <translation>نویسه‌های فایل CSV با کدام رمزگذاری ذخیره شده‌اند. اگر نام‌ها در پیش‌نمایش به‌هم‌ریخته‌اند، گزینهٔ دیگر را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Characters of a CSV file:</source>
        <translation>رمزگذاری نویسه‌های فایل CSV:</translation>
    </message>
    <message>
        <source>Where each column goes</source>
        <translation>هر ستون به کجا می‌رود</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>ستون در فایل</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>نخستین مقدار</translation>
    </message>
    <message>
        <source>Goes into</source>
        <translation>می‌رود به</translation>
    </message>
    <message>
        <source>The first rows of the file</source>
        <translation>نخستین سطرهای فایل</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>وارد کردن</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>فایلی را که باید وارد شود انتخاب کنید</translation>
    </message>
    <message>
        <source>Sheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>جدول‌ها (*.xlsx *.csv *.txt);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>{rows} rows under the header (row {header} of the file); read as {encoding}.</source>
        <translation>{rows} سطر زیر سطر عنوان‌ها (سطر {header} فایل)؛ خوانده شده به‌صورت {encoding}.</translation>
    </message>
    <message>
        <source>{count} rows hold bytes that are not characters in this encoding; they will be skipped and listed.</source>
        <translation>{count} سطر بایت‌هایی دارد که در این رمزگذاری نویسه نیستند؛ این سطرها وارد نمی‌شوند و در گزارش فهرست می‌شوند.</translation>
    </message>
    <message>
        <source>an Excel workbook</source>
        <translation>فایل اکسل</translation>
    </message>
    <message>
        <source>Windows Arabic/Persian text (Windows-1256)</source>
        <translation>متن عربی/فارسی ویندوز (Windows-1256)</translation>
    </message>
    <message>
        <source>Unicode text (UTF-16)</source>
        <translation>متن یونیکد (UTF-16)</translation>
    </message>
    <message>
        <source>Unicode text (UTF-8)</source>
        <translation>متن یونیکد (UTF-8)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(بی‌نام)</translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>(وارد نشود)</translation>
    </message>
    <message>
        <source>into: {field}</source>
        <translation>به: {field}</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(وارد نمی‌شود)</translation>
    </message>
    <message>
        <source>Importing the contacts of «{name}»…</source>
        <translation>در حال ورود مخاطبان از «{name}»…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>در حال ورود اطلاعات</translation>
    </message>
    <message>
        <source>Cancelling; nothing will be changed…</source>
        <translation>در حال لغو؛ هیچ چیز تغییر نمی‌کند…</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>ورود اطلاعات لغو شد؛ هیچ چیز تغییر نکرد.</translation>
    </message>
    <message>
        <source>Import finished: {added} new, {updated} updated, {skipped} rows skipped.</source>
        <translation>ورود اطلاعات تمام شد: {added} جدید، {updated} به‌روزشده، {skipped} سطر کنار گذاشته شد.</translation>
    </message>
    <message>
        <source>The file was not imported</source>
        <translation>فایل وارد نشد</translation>
    </message>
</context>
<context>
    <name>JalaliDateEdit</name>
    <message>
        <source>year/month/day</source>
        <translation>سال/ماه/روز</translation>
    </message>
    <message>
        <source>Type a date such as 1405/08/30, 1405-8-30 or 30 Aban 1405; Up and Down move it by a day.</source>
        <translation>تاریخ را به شکل ۱۴۰۵/۰۸/۳۰ یا ۱۴۰۵-۸-۳۰ یا ۳۰ آبان ۱۴۰۵ بنویسید؛ کلیدهای بالا و پایین آن را یک روز جابه‌جا می‌کنند.</translation>
    </message>
    <message>
        <source>Choose the date from a calendar (Alt+Down)</source>
        <translation>انتخاب تاریخ از تقویم (Alt+Down)</translation>
    </message>
</context>
<context>
    <name>JalaliPicker</name>
    <message>
        <source>Sa</source>
        <translation>ش</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>ی</translation>
    </message>
    <message>
        <source>Mo</source>
        <translation>د</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>س</translation>
    </message>
    <message>
        <source>We</source>
        <translation>چ</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>پ</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>ج</translation>
    </message>
    <message>
        <source>Previous year (Ctrl+Page Up)</source>
        <translation>سال قبل (Ctrl+PageUp)</translation>
    </message>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>ماه قبل (PageUp)</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>ماه بعد (PageDown)</translation>
    </message>
    <message>
        <source>Next year (Ctrl+Page Down)</source>
        <translation>سال بعد (Ctrl+PageDown)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>امروز</translation>
    </message>
    <message>
        <source>Pick today&apos;s date</source>
        <translation>انتخاب تاریخ امروز</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>Leave the date empty</source>
        <translation>خالی گذاشتن تاریخ</translation>
    </message>
</context>
<context>
    <name>LetterComposer</name>
    <message>
        <source>Recipient</source>
        <extracomment>A letter was registered: (register id, number). The preview opened last (a draft or a registered letter), for focus and for the tests.</extracomment>
        <translation>گیرنده</translation>
    </message>
    <message>
        <source>Find in contacts: name, organization, position…</source>
        <translation>جست‌وجو در مخاطبان: نام، سازمان، سمت…</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>جست‌وجو:</translation>
    </message>
    <message>
        <source>Salutation:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>e.g. Dr., Eng.</source>
        <translation>مثلاً دکتر، مهندس</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>لقب:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>e.g. Managing director</source>
        <translation>مثلاً مدیرعامل</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>سمت:</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>سازمان:</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>نامه</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>ندارد</translation>
    </message>
    <message>
        <source>Enclosed</source>
        <translation>دارد</translation>
    </message>
    <message>
        <source>Number of sheets</source>
        <translation>تعداد برگ</translation>
    </message>
    <message>
        <source>sheet(s)</source>
        <translation>برگ</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>پیوست:</translation>
    </message>
    <message>
        <source>(not printed)</source>
        <translation>(درج نشود)</translation>
    </message>
    <message>
        <source>Classification:</source>
        <translation>طبقه‌بندی:</translation>
    </message>
    <message>
        <source>Urgency:</source>
        <translation>فوریت:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>کاغذ:</translation>
    </message>
    <message>
        <source>Pre-printed letterhead paper</source>
        <translation>کاغذ سربرگ‌دار چاپی</translation>
    </message>
    <message>
        <source>Print only the text, into the places the office&apos;s printed letterhead paper leaves for it</source>
        <translation>فقط متن نامه در جاهای خالی کاغذ سربرگ‌دار چاپی اداره چاپ می‌شود</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <source>The text of the letter, after «With greetings and respect». Each line is a paragraph.</source>
        <translation>متن نامه، پس از «با سلام و احترام». هر سطر یک بند است.</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Register and print</source>
        <translation>ثبت و چاپ</translation>
    </message>
    <message>
        <source>Give the letter the next number in the register, then print it</source>
        <translation>نامه با شمارهٔ بعدی در دفتر اندیکاتور ثبت و سپس چاپ می‌شود</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>پیش‌نمایش</translation>
    </message>
    <message>
        <source>See the letter as it will be printed; no number is taken</source>
        <translation>نامه را همان‌طور که چاپ می‌شود ببینید؛ شماره‌ای گرفته نمی‌شود</translation>
    </message>
    <message>
        <source>New letter</source>
        <translation>نامهٔ جدید</translation>
    </message>
    <message>
        <source>Empty the form for another letter</source>
        <translation>خالی کردن فرم برای نامهٔ دیگر</translation>
    </message>
    <message>
        <source>Write whom the letter is for: a name, a position or an organization (or find them in the contacts).</source>
        <translation>گیرندهٔ نامه را بنویسید: نام، سمت یا سازمان (یا آن را در مخاطبان جست‌وجو کنید).</translation>
    </message>
    <message>
        <source>The letter has no text yet. Write its body, then try again.</source>
        <translation>نامه هنوز متنی ندارد. متن نامه را بنویسید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The letter is not complete</source>
        <translation>نامه کامل نیست</translation>
    </message>
    <message>
        <source>Nothing was registered; correct the letter and try again.</source>
        <translation>چیزی ثبت نشد؛ نامه را اصلاح کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Draft: {subject}</source>
        <translation>پیش‌نویس: {subject}</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>نامه</translation>
    </message>
    <message>
        <source>draft letter</source>
        <translation>پیش‌نویس نامه</translation>
    </message>
    <message>
        <source>Letter {number} was entered in the register.</source>
        <translation>نامهٔ شمارهٔ {number} در دفتر اندیکاتور ثبت شد.</translation>
    </message>
    <message>
        <source>Letter {number}</source>
        <translation>نامهٔ شمارهٔ {number}</translation>
    </message>
    <message>
        <source>letter {number}</source>
        <translation>نامه {number}</translation>
    </message>
    <message>
        <source>Throw away the letter in the form and start a new one?</source>
        <translation>نامهٔ داخل فرم کنار گذاشته شود و نامهٔ جدیدی شروع شود؟</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>New letter</source>
        <translation>نامهٔ جدید</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>Void letter</source>
        <extracomment>The register columns shown on the page, in reading order (the XLSX export has them all).</extracomment>
        <translation>ابطال نامه</translation>
    </message>
    <message>
        <source>Why is letter {number} voided? The number stays in the register, marked void, with this reason.</source>
        <translation>دلیل ابطال نامهٔ شمارهٔ {number} چیست؟ این شماره با همین دلیل، به‌صورت باطل‌شده، در دفتر می‌ماند.</translation>
    </message>
    <message>
        <source>Letters and printing</source>
        <translation>نامه و چاپ</translation>
    </message>
    <message>
        <source>New letter</source>
        <extracomment>The preview opened from the register last (for focus and the tests).</extracomment>
        <translation>نامهٔ جدید</translation>
    </message>
    <message>
        <source>Outgoing register</source>
        <translation>دفتر اندیکاتور</translation>
    </message>
    <message>
        <source>Search number, recipient, subject, signer or copies (Ctrl+F)</source>
        <translation>جست‌وجوی شماره، گیرنده، موضوع، امضاکننده یا رونوشت (Ctrl+F)</translation>
    </message>
    <message>
        <source>Only the letters of this year</source>
        <translation>فقط نامه‌های این سال</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>همهٔ سال‌ها</translation>
    </message>
    <message>
        <source>Issued and void</source>
        <translation>صادره و باطل‌شده</translation>
    </message>
    <message>
        <source>Issued only</source>
        <translation>فقط صادره</translation>
    </message>
    <message>
        <source>Void only</source>
        <translation>فقط باطل‌شده</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>خروجی اکسل…</translation>
    </message>
    <message>
        <source>Write the letters listed now to an Excel file</source>
        <translation>نامه‌های فهرست فعلی در یک فایل اکسل نوشته می‌شود</translation>
    </message>
    <message>
        <source>Double-click a letter to see it again; right-click to void or export.</source>
        <translation>برای دیدن دوبارهٔ نامه دوبار کلیک کنید؛ برای ابطال یا خروجی، راست‌کلیک کنید.</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <source>{count} letter(s) in the register</source>
        <translation>{count} نامه در دفتر</translation>
    </message>
    <message>
        <source>{count} of {all} letters</source>
        <translation>{count} نامه از {all}</translation>
    </message>
    <message>
        <source>Outgoing register ({count})</source>
        <translation>دفتر اندیکاتور ({count})</translation>
    </message>
    <message>
        <source>Preview and print</source>
        <translation>پیش‌نمایش و چاپ</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>ابطال…</translation>
    </message>
    <message>
        <source>Export the list to Excel…</source>
        <translation>خروجی اکسل از این فهرست…</translation>
    </message>
    <message>
        <source>Letter {number}</source>
        <translation>نامهٔ شمارهٔ {number}</translation>
    </message>
    <message>
        <source>Letter {number} (void)</source>
        <translation>نامهٔ شمارهٔ {number} (باطل‌شده)</translation>
    </message>
    <message>
        <source>letter {number}</source>
        <translation>نامه {number}</translation>
    </message>
    <message>
        <source>Letter {number} was voided.</source>
        <translation>نامهٔ شمارهٔ {number} باطل شد.</translation>
    </message>
    <message>
        <source>outgoing register</source>
        <translation>دفتر اندیکاتور</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>خروجی دفتر اندیکاتور</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>فایل‌های Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} letter(s) written to {path}</source>
        <translation>{count} نامه در {path} نوشته شد</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>All statuses</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>All request types</source>
        <translation>همهٔ انواع درخواست</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <source>Search visitors, subjects, outcomes</source>
        <translation>جست‌وجو در مراجعه‌کنندگان، موضوع‌ها و نتیجه‌ها</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>ساعت</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>میزبان</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>مراجعه‌کنندگان</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Request type</source>
        <translation>نوع درخواست</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>همهٔ میزبان‌ها</translation>
    </message>
    <message>
        <source>%1 meetings</source>
        <translation>%1 ملاقات</translation>
    </message>
    <message>
        <source>The newest %1 meetings; narrow the filters to see the others.</source>
        <translation>%1 ملاقات جدیدتر؛ برای دیدن بقیه، فیلترها را محدودتر کنید.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PRDesk</source>
        <translation>پی‌آر‌دسک</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>The English title the page&apos;s own ``title()`` translates, in the page class&apos;s context. The pages in navigation order; Ctrl+1 … Ctrl+8 follow this order. A window not painted this long after it was built (shown minimized) gets its menus filled all the same. The saved UI language differs from the one this window was built in. Once, right after the window&apos;s first painting pass: what can wait for it starts then. Whether the window has been painted once (see first_painted).</extracomment>
        <translation>&amp;فایل</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <extracomment>The Go menu&apos;s actions, one per page in navigation order (empty until the menus are filled).</extracomment>
        <translation>&amp;پشتیبان‌گیری…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;بازگردانی پشتیبان…</translation>
    </message>
    <message>
        <source>Set &amp;up the office…</source>
        <translation>راه‌اندازی &amp;اداره…</translation>
    </message>
    <message>
        <source>Check the database &amp;health</source>
        <translation>بررسی &amp;سلامت پایگاه داده</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;رفتن به</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>&amp;Guide for this page</source>
        <translation>&amp;راهنمای این بخش</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;کلیدهای میان‌بر</translation>
    </message>
    <message>
        <source>&amp;About PRDesk</source>
        <translation>&amp;دربارهٔ پی‌آر‌دسک</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>پایگاه داده: {path}</translation>
    </message>
    <message>
        <source>(read only)</source>
        <translation>(فقط خواندنی)</translation>
    </message>
    <message>
        <source>Read only: the database is damaged</source>
        <translation>فقط خواندنی: پایگاه داده آسیب دیده است</translation>
    </message>
    <message>
        <source>The last automatic backup failed</source>
        <translation>آخرین پشتیبان خودکار گرفته نشد</translation>
    </message>
</context>
<context>
    <name>MeetingActions</name>
    <message>
        <source>The visitor is here.</source>
        <translation>حضور مراجعه‌کننده ثبت شد.</translation>
    </message>
    <message>
        <source>Marked held.</source>
        <translation>برگزاری ملاقات ثبت شد.</translation>
    </message>
    <message>
        <source>Marked as no-show.</source>
        <translation>غیبت مراجعه‌کننده ثبت شد.</translation>
    </message>
    <message>
        <source>Postponed to %1 at %2</source>
        <translation>ملاقات به %1 ساعت %2 موکول شد.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Edit meeting</source>
        <translation>ویرایش ملاقات</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>ملاقات جدید</translation>
    </message>
    <message>
        <source>Visitor from the contacts</source>
        <translation>مراجعه‌کننده از مخاطبان</translation>
    </message>
    <message>
        <source>Name of a walk-in visitor</source>
        <translation>نام مراجعه‌کننده</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <source>Walk-in visitor</source>
        <translation>مراجعه‌کنندهٔ حضوری</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف از فهرست</translation>
    </message>
    <message>
        <source>Add to contacts</source>
        <translation>افزودن به مخاطبان</translation>
    </message>
    <message>
        <source>Keep the chosen walk-in visitor as a person of the contacts</source>
        <translation>مراجعه‌کنندهٔ حضوری انتخاب‌شده را در مخاطبان نگه دارید</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>مراجعه‌کنندگان</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>min</source>
        <translation>دقیقه</translation>
    </message>
    <message>
        <source>for</source>
        <translation>به مدت</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>ساعت</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>میزبان</translation>
    </message>
    <message>
        <source>(no room)</source>
        <translation>(بدون اتاق)</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>اتاق ملاقات</translation>
    </message>
    <message>
        <source>e.g. Loan of the housing cooperative</source>
        <translation>مثلاً وام تعاونی مسکن</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <source>Public meeting day (queue number on arrival)</source>
        <translation>ملاقات عمومی (نوبت هنگام ورود)</translation>
    </message>
    <message>
        <source>Request type</source>
        <translation>نوع درخواست</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>بدون تکرار</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>هر هفته</translation>
    </message>
    <message>
        <source>Every month on the same Jalali day</source>
        <translation>هر ماه در همین روز ماه خورشیدی</translation>
    </message>
    <message>
        <source>until</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>تکرار</translation>
    </message>
    <message>
        <source>Notes before the meeting</source>
        <translation>یادداشت پیش از ملاقات</translation>
    </message>
    <message>
        <source>Save despite the conflict</source>
        <translation>ثبت با وجود تداخل</translation>
    </message>
    <message>
        <source>Save on a closed day or time</source>
        <translation>ثبت در روز یا ساعت تعطیل</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>وضعیت: %1</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>حاضر</translation>
    </message>
    <message>
        <source>Held…</source>
        <translation>برگزار شد…</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>غایب</translation>
    </message>
    <message>
        <source>Cancel meeting…</source>
        <translation>لغو ملاقات…</translation>
    </message>
    <message>
        <source>Postpone…</source>
        <translation>موکول کردن…</translation>
    </message>
    <message>
        <source>Type the walk-in visitor&apos;s name first.</source>
        <translation>اول نام مراجعه‌کنندهٔ حضوری را بنویسید.</translation>
    </message>
    <message>
        <source>%1 was added to the contacts.</source>
        <translation>%1 به مخاطبان افزوده شد.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>ثبت در %1</translation>
    </message>
    <message>
        <source>Please check the value</source>
        <translation>مقدار را بررسی کنید</translation>
    </message>
    <message>
        <source>%1 meetings were booked.</source>
        <translation>%1 ملاقات ثبت شد.</translation>
    </message>
    <message>
        <source>These days were skipped:</source>
        <translation>این روزها کنار گذاشته شد:</translation>
    </message>
    <message>
        <source>Recurring meeting</source>
        <translation>ملاقات تکراری</translation>
    </message>
    <message>
        <source>Meeting saved: %1 at %2</source>
        <translation>ملاقات ثبت شد: %1 ساعت %2</translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message>
        <source>Request</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>پیشنهاد</translation>
    </message>
    <message>
        <source>Criticism</source>
        <translation>انتقاد</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>گزارش</translation>
    </message>
    <message>
        <source>Courtesy visit</source>
        <translation>دیدار و احوال‌پرسی</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>دعوت</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>سایر</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>درخواست شده</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>تعیین وقت شده</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>حاضر</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>برگزار شد</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>غایب</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>موکول شد</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>عادی</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>فوری</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>کم</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>در دست اقدام</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <source>Fruitless</source>
        <translation>بی‌نتیجه</translation>
    </message>
    <message>
        <source>Earlier meetings</source>
        <translation>ملاقات‌های پیشین</translation>
    </message>
    <message>
        <source>No earlier meeting.</source>
        <translation>ملاقات پیشینی ندارد.</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>پیگیری‌های باز</translation>
    </message>
    <message>
        <source>No open follow-up.</source>
        <translation>پیگیری بازی ندارد.</translation>
    </message>
    <message>
        <source>due</source>
        <translation>سررسید</translation>
    </message>
    <message>
        <source>History</source>
        <translation>سابقهٔ وضعیت</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Meetings</source>
        <translation>ملاقات‌ها</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>میزبان</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>قبلی</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>امروز</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>ملاقات جدید</translation>
    </message>
    <message>
        <source>Book a meeting (Ctrl+N)</source>
        <translation>ثبت ملاقات جدید (Ctrl+N)</translation>
    </message>
    <message>
        <source>Print agenda</source>
        <translation>چاپ برنامهٔ روز</translation>
    </message>
    <message>
        <source>The host&apos;s agenda of the day (Ctrl+P)</source>
        <translation>برنامهٔ ملاقات‌های روز میزبان (Ctrl+P)</translation>
    </message>
    <message>
        <source>Request form</source>
        <translation>فرم درخواست ملاقات</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>گزارش</translation>
    </message>
    <message>
        <source>Hosts and rooms…</source>
        <translation>میزبان‌ها و اتاق‌ها…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>روز</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>هفته</translation>
    </message>
    <message>
        <source>List</source>
        <translation>فهرست</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>پیگیری‌ها</translation>
    </message>
    <message>
        <source>Public day</source>
        <translation>ملاقات عمومی</translation>
    </message>
    <message>
        <source>week of %1</source>
        <translation>هفتهٔ %1</translation>
    </message>
    <message>
        <source>%1 meetings, %2</source>
        <translation>%1 ملاقات، %2</translation>
    </message>
    <message>
        <source>Meeting moved to %1 at %2</source>
        <translation>ملاقات به %1 ساعت %2 منتقل شد</translation>
    </message>
    <message>
        <source>The meeting was not moved</source>
        <translation>ملاقات جابه‌جا نشد</translation>
    </message>
    <message>
        <source>Save despite the conflict</source>
        <translation>ثبت با وجود تداخل</translation>
    </message>
    <message>
        <source>Save on a closed day or time</source>
        <translation>ثبت در روز یا ساعت تعطیل</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>ثبت در %1</translation>
    </message>
    <message>
        <source>Laying out the agenda…</source>
        <translation>آماده‌سازی برنامهٔ روز…</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>برنامهٔ ملاقات‌ها</translation>
    </message>
    <message>
        <source>Laying out the queue sheet…</source>
        <translation>آماده‌سازی فهرست نوبت…</translation>
    </message>
    <message>
        <source>Queue sheet</source>
        <translation>فهرست نوبت</translation>
    </message>
    <message>
        <source>Laying out the form…</source>
        <translation>آماده‌سازی فرم…</translation>
    </message>
    <message>
        <source>Report of the month %1</source>
        <translation>گزارش ماه %1</translation>
    </message>
    <message>
        <source>Report of the season %1</source>
        <translation>گزارش فصل %1</translation>
    </message>
    <message>
        <source>Report of the year %1</source>
        <translation>گزارش سال %1</translation>
    </message>
    <message>
        <source>Laying out the report…</source>
        <translation>آماده‌سازی گزارش…</translation>
    </message>
    <message>
        <source>Meetings report</source>
        <translation>گزارش ملاقات‌ها</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two organizations</source>
        <translation>ادغام دو سازمان</translation>
    </message>
    <message>
        <source>Merge two people</source>
        <translation>ادغام دو شخص</translation>
    </message>
    <message>
        <source>Find the other record of «{name}»:</source>
        <translation>رکورد دیگرِ «{name}» را پیدا کنید:</translation>
    </message>
    <message>
        <source>Name, city or phone number</source>
        <translation>نام، شهر یا شمارهٔ تلفن</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>بماند:</translation>
    </message>
    <message>
        <source>The kept record takes the other&apos;s empty fields, tags, phone numbers, history and links; where both have a different value, the other&apos;s value is written into the notes. The other record is then removed. Nothing is lost.</source>
        <translation>رکوردی که می‌ماند، فیلدهای خالی خود را از رکورد دیگر پر می‌کند و برچسب‌ها، شماره‌های تلفن، سوابق و پیوندهای آن را هم می‌گیرد؛ جایی که هر دو مقدار متفاوتی دارند، مقدار رکورد دیگر در یادداشت نوشته می‌شود. سپس رکورد دیگر حذف می‌شود. هیچ چیز از دست نمی‌رود.</translation>
    </message>
    <message>
        <source>Merge the two records</source>
        <translation>ادغام دو رکورد</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>نوع فعالیت</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>شماره ثبت</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>تلفن‌ها</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>نمابر</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>وبگاه</translation>
    </message>
    <message>
        <source>People</source>
        <translation>اشخاص</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>سمت</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>همراه</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>از کارکنان</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>Previous positions</source>
        <translation>سمت‌های قبلی</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <source>Record {number}</source>
        <translation>رکورد {number}</translation>
    </message>
    <message>
        <source>(not chosen yet)</source>
        <translation>(هنوز انتخاب نشده)</translation>
    </message>
    <message>
        <source>the other record</source>
        <translation>رکورد دیگر</translation>
    </message>
    <message>
        <source>The two records were merged into one.</source>
        <translation>دو رکورد در یک رکورد ادغام شدند.</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>One message</source>
        <translation>یک پیام</translation>
    </message>
    <message>
        <source>Type part of a name, then choose</source>
        <translation>بخشی از نام را بنویسید و سپس انتخاب کنید</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>گیرنده</translation>
    </message>
    <message>
        <source>Person of the organization</source>
        <translation>شخص سازمان</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>مناسبت</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>الگو</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Send as</source>
        <translation>راه ارسال</translation>
    </message>
    <message>
        <source>Name of the deceased</source>
        <translation>نام درگذشته</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>زن</translation>
    </message>
    <message>
        <source>For a condolence</source>
        <translation>برای تسلیت</translation>
    </message>
    <message>
        <source>Print as letter…</source>
        <translation>چاپ به‌صورت نامه…</translation>
    </message>
    <message>
        <source>Record as sent</source>
        <translation>ثبت به‌عنوان ارسال‌شده</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>A message goes to a person: choose a person of this organization.</source>
        <translation>پیام برای یک شخص فرستاده می‌شود؛ یکی از افراد این سازمان را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Choose the recipient.</source>
        <translation>گیرنده را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Write the occasion of the message.</source>
        <translation>مناسبت پیام را بنویسید.</translation>
    </message>
    <message>
        <source>Save the letter as PDF</source>
        <translation>ذخیرهٔ نامه به‌صورت PDF</translation>
    </message>
    <message>
        <source>Letter {number} was registered and saved.</source>
        <translation>نامهٔ شمارهٔ {number} ثبت و ذخیره شد.</translation>
    </message>
    <message>
        <source>The message was recorded as sent.</source>
        <translation>پیام به‌عنوان ارسال‌شده ثبت شد.</translation>
    </message>
    <message>
        <source>A message goes to a person, and «{name}» has no living person in the contacts. Add its manager with «Add a person here…», then write the message.</source>
        <translation>پیام به یک شخص فرستاده می‌شود و «{name}» در مخاطبان شخصی ندارد. ابتدا مدیر آن را با «افزودن شخص به این سازمان…» وارد کنید، سپس پیام را بنویسید.</translation>
    </message>
    <message>
        <source> on {date}</source>
        <translation> در {date}</translation>
    </message>
    <message>
        <source>{name} passed away{when}; no greeting is sent to a deceased contact. To offer condolences, record the bereavement for a relative or colleague (Messages page, «Record a bereavement…») and write the message to them.</source>
        <translation>{name}{when} درگذشته است و به مخاطب درگذشته پیامی فرستاده نمی‌شود. برای عرض تسلیت، درگذشت را برای یکی از بستگان او یا فردی از سازمانش ثبت کنید (صفحهٔ پیام‌ها، «ثبت درگذشت…») و پیام را به او بنویسید.</translation>
    </message>
</context>
<context>
    <name>MessageHistory</name>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>مناسبت</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>گیرنده</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>راه ارسال</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>شمارهٔ نامه</translation>
    </message>
    <message>
        <source>New message…</source>
        <translation>پیام جدید…</translation>
    </message>
    <message>
        <source>Write a greeting or condolence to this contact</source>
        <translation>نوشتن پیام تبریک یا تسلیت به این مخاطب</translation>
    </message>
    <message>
        <source>No message has been sent yet.</source>
        <translation>هنوز پیامی فرستاده نشده است.</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>پیام‌های ارسال‌شده</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>PRDesk</source>
        <translation>پی‌آر‌دسک</translation>
    </message>
    <message>
        <source>PRDesk ran into an unexpected error (a bug in the program). The last action may not have been completed; check it before going on.</source>
        <translation>پی‌آر‌دسک به خطای پیش‌بینی‌نشده‌ای برخورد (اشکالی در برنامه). شاید آخرین کاری که کردید کامل انجام نشده باشد؛ پیش از ادامه آن را بررسی کنید.</translation>
    </message>
    <message>
        <source>The details were written to this file; please send it to support:</source>
        <translation>جزئیات خطا در این فایل نوشته شد؛ لطفاً آن را برای پشتیبانی بفرستید:</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>خطای پیش‌بینی‌نشده</translation>
    </message>
</context>
<context>
    <name>MessagesDueBox</name>
    <message>
        <source>Messages to send</source>
        <translation>پیام‌هایی که باید فرستاد</translation>
    </message>
    <message>
        <source>No message is due in the next two weeks.</source>
        <translation>در دو هفتهٔ آینده پیامی در پیش نیست.</translation>
    </message>
    <message>
        <source>today</source>
        <translation>امروز</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>فردا</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} روز</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>{n} روز دیگر</translation>
    </message>
    <message>
        <source>template {title}</source>
        <translation>الگوی {title}</translation>
    </message>
    <message>
        <source>no template chosen yet</source>
        <translation>الگو هنوز انتخاب نشده</translation>
    </message>
    <message>
        <source>Today is {occasion}: {n} recipients, {template}</source>
        <translation>امروز {occasion} است: {n} گیرنده، {template}</translation>
    </message>
    <message>
        <source>Tomorrow is {occasion}: {n} recipients, {template}</source>
        <translation>فردا {occasion} است: {n} گیرنده، {template}</translation>
    </message>
    <message>
        <source>{days} days to {occasion}: {n} recipients, {template}</source>
        <translation>{days} روز تا {occasion}: {n} گیرنده، {template}</translation>
    </message>
    <message>
        <source>{n} already sent</source>
        <translation>{n} پیام پیش‌تر فرستاده شده</translation>
    </message>
    <message>
        <source>Double-click (or press Enter) to write these messages.</source>
        <translation>برای نوشتن این پیام‌ها دوبار کلیک کنید (یا Enter را بزنید).</translation>
    </message>
    <message>
        <source>Birthday of {name} ({days}) — send greeting</source>
        <translation>تولد {name} ({days}) — فرستادن تبریک</translation>
    </message>
    <message>
        <source>{title} ({days}) — condolence</source>
        <translation>{title} ({days}) — تسلیت</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Messages</source>
        <extracomment>Rows per trip: a screenful is about 15 messages; each archived row carries its whole text.</extracomment>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <source>New batch for an occasion…</source>
        <translation>پیام‌های جدید برای یک مناسبت…</translation>
    </message>
    <message>
        <source>One message…</source>
        <translation>یک پیام…</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>الگوها…</translation>
    </message>
    <message>
        <source>Occasion plans…</source>
        <translation>برنامهٔ پیام مناسبت‌ها…</translation>
    </message>
    <message>
        <source>Record a bereavement…</source>
        <translation>ثبت درگذشت بستگان…</translation>
    </message>
    <message>
        <source>Search recipient, occasion, letter number…</source>
        <translation>جست‌وجوی گیرنده، مناسبت، شمارهٔ نامه…</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>همهٔ انواع</translation>
    </message>
    <message>
        <source>Every channel</source>
        <translation>همهٔ راه‌های ارسال</translation>
    </message>
    <message>
        <source>Drafts and sent</source>
        <translation>پیش‌نویس و ارسال‌شده</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>چاپ دوباره</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>ساخت پیام مشابه</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>ثبت ارسال</translation>
    </message>
    <message>
        <source>more than {n} messages</source>
        <translation>بیش از {n} پیام</translation>
    </message>
    <message>
        <source>{n} messages</source>
        <translation>{n} پیام</translation>
    </message>
    <message>
        <source>Select a message in the list first.</source>
        <translation>نخست پیامی را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <source>A draft copy of the message was added.</source>
        <translation>پیش‌نویسی از روی پیام ساخته شد.</translation>
    </message>
    <message>
        <source>The message is marked as sent.</source>
        <translation>پیام ارسال‌شده ثبت شد.</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>شنبه</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>یکشنبه</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>دوشنبه</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>سه‌شنبه</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>چهارشنبه</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>پنج‌شنبه</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>جمعه</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>مناسبت</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>مراسم</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>تولد</translation>
    </message>
    <message>
        <source>Person&apos;s date</source>
        <translation>تاریخ شخص</translation>
    </message>
    <message>
        <source>Visitor meeting</source>
        <translation>ملاقات</translation>
    </message>
    <message>
        <source>National</source>
        <translation>ملی</translation>
    </message>
    <message>
        <source>Religious</source>
        <translation>مذهبی</translation>
    </message>
    <message>
        <source>International</source>
        <translation>جهانی</translation>
    </message>
    <message>
        <source>Office-related</source>
        <translation>مرتبط با اداره</translation>
    </message>
    <message>
        <source>Ceremony</source>
        <translation>مراسم</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>جلسه</translation>
    </message>
    <message>
        <source>Exhibition</source>
        <translation>نمایشگاه</translation>
    </message>
    <message>
        <source>Seminar or training</source>
        <translation>همایش و آموزش</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>بازدید</translation>
    </message>
    <message>
        <source>Retiree honoring</source>
        <translation>تکریم بازنشستگان</translation>
    </message>
    <message>
        <source>Anniversary</source>
        <translation>سالگرد</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>سایر</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>از کارکنان</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>برنامه‌ریزی‌شده</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>برگزار شد</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>تمام روز</translation>
    </message>
    <message>
        <source>Official holiday</source>
        <translation>تعطیل رسمی</translation>
    </message>
    <message>
        <source>a greeting is customary</source>
        <translation>پیام تبریک مرسوم است</translation>
    </message>
    <message>
        <source>a condolence is customary</source>
        <translation>پیام تسلیت مرسوم است</translation>
    </message>
    <message>
        <source>{birthdays}, +{count}</source>
        <translation>{birthdays}، +{count}</translation>
    </message>
    <message>
        <source>{birthdays}, +{count} more</source>
        <translation>{birthdays}، +{count} مورد دیگر</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>تعطیل</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>+{count} مورد دیگر</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>Password for the backup file</source>
        <translation>رمز عبور فایل پشتیبان</translation>
    </message>
    <message>
        <source>Protect the file with a password</source>
        <translation>فایل با رمز عبور محافظت شود</translation>
    </message>
    <message>
        <source>Use a password when the file leaves this room (a USB stick, another computer). Without the password nobody can open the file, not even you: write it down and keep it safe.</source>
        <translation>وقتی فایل از این اتاق بیرون می‌رود (حافظهٔ جانبی، رایانهٔ دیگر) رمز بگذارید. بدون رمز هیچ‌کس، حتی خود شما، نمی‌تواند فایل را باز کند: آن را یادداشت کنید و جای امنی نگه دارید.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>رمز عبور</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>تکرار رمز عبور</translation>
    </message>
    <message>
        <source>Make the backup</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>The password must have at least {count} characters.</source>
        <translation>رمز عبور باید دست‌کم {count} نویسه داشته باشد.</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type the password again in both fields.</source>
        <translation>دو رمز عبور یکسان نیستند. رمز را دوباره در هر دو خانه بنویسید.</translation>
    </message>
</context>
<context>
    <name>OccasionDialog</name>
    <message>
        <source>Solar (Jalali)</source>
        <extracomment>How far ahead the dialog looks for the next day an occasion falls on (a fifth Friday may skip a year).</extracomment>
        <translation>خورشیدی</translation>
    </message>
    <message>
        <source>Lunar (Hijri)</source>
        <translation>قمری</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>میلادی</translation>
    </message>
    <message>
        <source>A fixed day of the month</source>
        <translation>روز ثابت ماه</translation>
    </message>
    <message>
        <source>A weekday of the month (first … fifth, or last)</source>
        <translation>روزی از هفته در ماه (اولین … پنجمین، یا آخرین)</translation>
    </message>
    <message>
        <source>The last day of the month</source>
        <translation>آخرین روز ماه</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>تبریک</translation>
    </message>
    <message>
        <source>Condolence</source>
        <translation>تسلیت</translation>
    </message>
    <message>
        <source>No message</source>
        <translation>بدون پیام</translation>
    </message>
    <message>
        <source>First</source>
        <translation>اولین</translation>
    </message>
    <message>
        <source>Second</source>
        <translation>دومین</translation>
    </message>
    <message>
        <source>Third</source>
        <translation>سومین</translation>
    </message>
    <message>
        <source>Fourth</source>
        <translation>چهارمین</translation>
    </message>
    <message>
        <source>Fifth</source>
        <translation>پنجمین</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>آخرین</translation>
    </message>
    <message>
        <source>Edit the office&apos;s occasion</source>
        <translation>ویرایش مناسبت اداره</translation>
    </message>
    <message>
        <source>New occasion of the office</source>
        <translation>مناسبت جدید اداره</translation>
    </message>
    <message>
        <source>e.g. Founding day of the fund</source>
        <translation>مثلاً سالروز تأسیس صندوق</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>تقویم</translation>
    </message>
    <message>
        <source>Falls on</source>
        <translation>هر سال در</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>روز</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>روز هفته</translation>
    </message>
    <message>
        <source>Official holiday (the office is closed)</source>
        <translation>تعطیل رسمی (اداره بسته است)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Save the occasion (Ctrl+S)</source>
        <translation>ذخیرهٔ مناسبت (Ctrl+S)</translation>
    </message>
    <message>
        <source>Delete occasion</source>
        <translation>حذف مناسبت</translation>
    </message>
    <message>
        <source>{rule} — not in the next two years; check the day.</source>
        <translation>{rule} — در دو سال آینده پیش نمی‌آید؛ روز را بررسی کنید.</translation>
    </message>
    <message>
        <source>{rule} — next: {date}</source>
        <translation>{rule} — نوبت بعد: {date}</translation>
    </message>
    <message>
        <source>The occasion «{title}» was saved.</source>
        <translation>مناسبت «{title}» ذخیره شد.</translation>
    </message>
    <message>
        <source>Delete the occasion «{title}»?</source>
        <translation>مناسبت «{title}» حذف شود؟</translation>
    </message>
    <message>
        <source>The occasion was deleted.</source>
        <translation>مناسبت حذف شد.</translation>
    </message>
</context>
<context>
    <name>OccasionMessages</name>
    <message>
        <source>Send a message…</source>
        <extracomment>The day-panel sources an occasion message can start from: catalog (and office) occasions, office events. A plan&apos;s group up to this size is listed as the batch dialog opens; a larger one waits for «Show recipients» (17,000 unions of the large demo take seconds to prepare and fill in).</extracomment>
        <translation>ارسال پیام…</translation>
    </message>
    <message>
        <source>One message for this occasion…</source>
        <translation>یک پیام برای این مناسبت…</translation>
    </message>
    <message>
        <source>Message plan of this occasion…</source>
        <translation>برنامهٔ پیام این مناسبت…</translation>
    </message>
</context>
<context>
    <name>OccasionsDialog</name>
    <message>
        <source>The office&apos;s occasions</source>
        <extracomment>The occasion dialog open now (for focus and the tests).</extracomment>
        <translation>مناسبت‌های اداره</translation>
    </message>
    <message>
        <source>The office&apos;s own</source>
        <translation>مناسبت‌های خود اداره</translation>
    </message>
    <message>
        <source>Hidden occasions</source>
        <translation>مناسبت‌های پنهان</translation>
    </message>
    <message>
        <source>Occasions the office keeps every year, such as its founding day. They appear in the calendar, on the dashboard and in the printed calendars.</source>
        <translation>مناسبت‌هایی که اداره هر سال نگه می‌دارد، مانند سالروز تأسیس. این مناسبت‌ها در تقویم، پیشخوان و تقویم‌های چاپی دیده می‌شوند.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Falls on</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>تعطیل</translation>
    </message>
    <message>
        <source>New occasion…</source>
        <translation>مناسبت جدید…</translation>
    </message>
    <message>
        <source>Add an occasion of the office (Ctrl+N)</source>
        <translation>افزودن مناسبت اداره (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Occasions of the catalog you hid (right-click an occasion in the calendar to hide it). A hidden official holiday still closes the office.</source>
        <translation>مناسبت‌هایی از فهرست مناسبت‌ها که پنهان کرده‌اید (برای پنهان کردن، در تقویم روی مناسبت راست‌کلیک کنید). تعطیل رسمیِ پنهان‌شده همچنان تعطیل است.</translation>
    </message>
    <message>
        <source>No occasion is hidden.</source>
        <translation>هیچ مناسبتی پنهان نیست.</translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>نمایش دوباره</translation>
    </message>
    <message>
        <source>Show the selected occasion in the calendar again</source>
        <translation>مناسبت انتخاب‌شده دوباره در تقویم نمایش داده شود</translation>
    </message>
    <message>
        <source>Hidden occasions ({count})</source>
        <translation>مناسبت‌های پنهان ({count})</translation>
    </message>
    <message>
        <source>Delete the occasion «{title}»?</source>
        <translation>مناسبت «{title}» حذف شود؟</translation>
    </message>
    <message>
        <source>The occasion was deleted.</source>
        <translation>مناسبت حذف شد.</translation>
    </message>
    <message>
        <source>The occasion is shown again.</source>
        <translation>مناسبت دوباره نمایش داده می‌شود.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Your office</source>
        <translation>ادارهٔ شما</translation>
    </message>
    <message>
        <source>These lines head every letter. Fill in what you know; the Settings tab changes them later.</source>
        <translation>این سطرها بالای هر نامه می‌آیند. هرچه را می‌دانید وارد کنید؛ بعداً در زبانهٔ «تنظیمات» تغییر می‌کنند.</translation>
    </message>
    <message>
        <source>Letterhead, line 1</source>
        <translation>سربرگ، سطر ۱</translation>
    </message>
    <message>
        <source>Letterhead, line 2</source>
        <translation>سربرگ، سطر ۲</translation>
    </message>
    <message>
        <source>Letterhead, line 3 (your office)</source>
        <translation>سربرگ، سطر ۳ (نام ادارهٔ شما)</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Logo (image file)</source>
        <translation>نشان (فایل تصویر)</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>امضاکننده</translation>
    </message>
    <message>
        <source>Signatory&apos;s position</source>
        <translation>سمت امضاکننده</translation>
    </message>
    <message>
        <source>Unit code (in the number)</source>
        <translation>کد واحد (در شماره)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>e.g. General Directorate of Cooperatives of Yazd Province</source>
        <translation>مثلاً اداره کل تعاون، کار و رفاه اجتماعی استان یزد</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>شمارهٔ نامه</translation>
    </message>
    <message>
        <source>«serial number» counts the letters of the year from one; «letter type» is ص for outgoing letters; «unit code» is the code of your unit given above; «year» is the Jalali year.</source>
        <translation>«شمارهٔ ترتیبی» نامه‌های هر سال را از یک می‌شمارد؛ «نوع نامه» برای نامه‌های صادره «ص» است؛ «کد واحد» همان کدی است که بالاتر وارد کردید؛ «سال» سال خورشیدی است.</translation>
    </message>
    <message>
        <source>For example, the 1234th letter of this year gets: {number}</source>
        <translation>برای نمونه، هزار و دویست و سی و چهارمین نامهٔ امسال این شماره را می‌گیرد: {number}</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>انتخاب نشان (لوگو)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>تصویرها (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The logo file was not found. Choose it again or leave the field empty.</source>
        <translation>فایل نشان (لوگو) پیدا نشد. دوباره انتخابش کنید یا این خانه را خالی بگذارید.</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <source>Please check the value</source>
        <translation>مقدار را بررسی کنید</translation>
    </message>
    <message>
        <source>The action was not done</source>
        <translation>کار انجام نشد</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>New organization</source>
        <translation>سازمان جدید</translation>
    </message>
    <message>
        <source>Edit organization</source>
        <translation>ویرایش سازمان</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>نوع فعالیت</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>شماره ثبت</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation>ده رقم</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>تلفن‌ها</translation>
    </message>
    <message>
        <source>with area code</source>
        <translation>با پیش‌شماره</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>نمابر</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>وبگاه</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>با ویرگول جدا کنید</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>{count} people of the contacts work here.</source>
        <translation>{count} نفر از مخاطبان در این سازمان کار می‌کنند.</translation>
    </message>
    <message>
        <source>No person of the contacts is linked to this organization.</source>
        <translation>هیچ شخصی از مخاطبان به این سازمان وصل نیست.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password of the backup file</source>
        <translation>رمز عبور فایل پشتیبان</translation>
    </message>
    <message>
        <source>The backup file {name} is protected with a password. Type its password.</source>
        <translation>فایل پشتیبان {name} رمز دارد. رمز عبور آن را بنویسید.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print preview</source>
        <extracomment>Sheets sent by the last Print (for the status line and the tests).</extracomment>
        <translation>پیش‌نمایش چاپ</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>ذخیره به‌صورت PDF…</translation>
    </message>
    <message>
        <source>Open in viewer</source>
        <translation>باز کردن در نمایشگر</translation>
    </message>
    <message>
        <source>Open the PDF in the computer&apos;s own PDF viewer</source>
        <translation>باز کردن PDF در برنامهٔ نمایش PDF رایانه</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>صفحهٔ قبل</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>صفحهٔ بعد</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>هم‌عرض پنجره</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>تمام صفحه</translation>
    </message>
    <message>
        <source>Print preview — {title}</source>
        <translation>پیش‌نمایش چاپ — {title}</translation>
    </message>
    <message>
        <source>This PDF could not be opened; it may be damaged. Make it again and preview it once more.</source>
        <translation>این PDF باز نشد؛ شاید خراب باشد. آن را دوباره بسازید و دوباره پیش‌نمایش بگیرید.</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>صفحهٔ {page} از {count}</translation>
    </message>
    <message>
        <source>Sending the pages to the printer…</source>
        <translation>در حال فرستادن صفحه‌ها به چاپگر…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>توقف</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>چاپ</translation>
    </message>
    <message>
        <source>Nothing was printed</source>
        <translation>چیزی چاپ نشد</translation>
    </message>
    <message>
        <source>{count} page(s) sent to the printer.</source>
        <translation>{count} صفحه به چاپگر فرستاده شد.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>ذخیره به‌صورت PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>فایل‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF was not saved</source>
        <translation>PDF ذخیره نشد</translation>
    </message>
    <message>
        <source>The file {path} could not be written ({reason}). Choose another folder.</source>
        <translation>فایل {path} نوشته نشد ({reason}). پوشهٔ دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>در {path} ذخیره شد</translation>
    </message>
    <message>
        <source>The PDF could not be handed to the viewer ({reason}). Save it as a PDF instead.</source>
        <translation>PDF به برنامهٔ نمایش داده نشد ({reason}). به‌جای آن، آن را به‌صورت PDF ذخیره کنید.</translation>
    </message>
    <message>
        <source>No program on this computer opens PDF files. Install a PDF reader, or save the PDF and send it to someone who can print it.</source>
        <translation>هیچ برنامه‌ای روی این رایانه فایل PDF را باز نمی‌کند. یک برنامهٔ نمایش PDF نصب کنید، یا PDF را ذخیره کنید و برای کسی بفرستید که بتواند آن را چاپ کند.</translation>
    </message>
</context>
<context>
    <name>PerformanceView</name>
    <message>
        <source>Figure</source>
        <extracomment>A breakdown row was double-clicked: (area key, breakdown key, item key), to list what is behind it. The breakdowns whose rows open the list behind them (the page that lists each area filters by these).</extracomment>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>این دوره</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>مدت مشابه سال پیش</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>تغییر</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>دورهٔ پیش</translation>
    </message>
    <message>
        <source>Choose a period and press Show figures.</source>
        <translation>دوره را انتخاب کنید و «نمایش آمار» را بزنید.</translation>
    </message>
    <message>
        <source>The data changed after these figures were counted; press Show figures to count them again.</source>
        <translation>پس از شمارش این آمار، اطلاعات تغییر کرده است؛ برای شمارش دوباره «نمایش آمار» را بزنید.</translation>
    </message>
    <message>
        <source>{period}, compared with {last_year} (same period last year) and {previous} (previous period).</source>
        <translation>{period}، در سنجش با {last_year} (مدت مشابه سال پیش) و {previous} (دورهٔ پیش).</translation>
    </message>
    <message>
        <source>Nothing was recorded in {period} or in the periods it is compared with.</source>
        <translation>در {period} و دوره‌های سنجش آن چیزی ثبت نشده است.</translation>
    </message>
    <message>
        <source>Double-click a row to see the list behind it.</source>
        <translation>برای دیدن فهرست هر ردیف، روی آن دوبار کلیک کنید.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>جمع</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New person</source>
        <translation>شخص جدید</translation>
    </message>
    <message>
        <source>Edit person</source>
        <translation>ویرایش شخص</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <source>Honorific</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>تعیین نشده</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>زن</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <source>For the salutation of letters</source>
        <translation>برای عنوان خطاب در نامه‌ها</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>سمت</translation>
    </message>
    <message>
        <source>Type part of the name, then choose</source>
        <translation>بخشی از نام را بنویسید و انتخاب کنید</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <source>Moved to this position: keep the previous one in the history</source>
        <translation>به این سمت منصوب شده است: سمت قبلی در سوابق بماند</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>از تاریخ</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>همراه</translation>
    </message>
    <message>
        <source>with area code</source>
        <translation>با پیش‌شماره</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <source>Deceased (no greetings; addressed as مرحوم/مرحومه)</source>
        <translation>درگذشته (بدون پیام تبریک؛ با عنوان مرحوم/مرحومه)</translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation>تاریخ درگذشت</translation>
    </message>
    <message>
        <source>Leave empty to write it from gender and title</source>
        <translation>خالی بگذارید تا از جنسیت و لقب نوشته شود</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>عنوان خطاب</translation>
    </message>
    <message>
        <source>A colleague on our own staff</source>
        <translation>از کارکنان خود ما</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>از کارکنان</translation>
    </message>
    <message>
        <source>Staff birthdays appear in the calendar</source>
        <translation>تولد کارکنان در تقویم می‌آید</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>با ویرگول جدا کنید</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Previous positions</source>
        <translation>سمت‌های قبلی</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>No previous positions are recorded.</source>
        <translation>سمت قبلی ثبت نشده است.</translation>
    </message>
    <message>
        <source>No organization is called «{name}». Choose one from the list that opens while you type, or leave the field empty.</source>
        <translation>سازمانی به نام «{name}» نیست. از فهرستی که هنگام نوشتن باز می‌شود یکی را انتخاب کنید یا این خانه را خالی بگذارید.</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Type a name from the contacts</source>
        <translation>نامی از مخاطبان بنویسید</translation>
    </message>
</context>
<context>
    <name>PhoneList</name>
    <message>
        <source>Add another number</source>
        <translation>افزودن شمارهٔ دیگر</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>برچسب شماره</translation>
    </message>
    <message>
        <source>with area code</source>
        <translation>با پیش‌شماره</translation>
    </message>
    <message>
        <source>Remove this number</source>
        <translation>حذف این شماره</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Message plan of an occasion</source>
        <translation>برنامهٔ پیام یک مناسبت</translation>
    </message>
    <message>
        <source>The dashboard proposes the batch of this occasion the given number of days before it.</source>
        <translation>داشبورد پیام گروهی این مناسبت را به تعداد روزی که وارد می‌کنید، پیش از آن پیشنهاد می‌دهد.</translation>
    </message>
    <message>
        <source>The occasion&apos;s title, or a word of it, e.g. روز تعاون</source>
        <translation>عنوان مناسبت یا بخشی از آن، مثلاً روز تعاون</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>مناسبت</translation>
    </message>
    <message>
        <source>days before the occasion</source>
        <translation>روز پیش از مناسبت</translation>
    </message>
    <message>
        <source>Propose it</source>
        <translation>زمان پیشنهاد</translation>
    </message>
    <message>
        <source>(choose a template)</source>
        <translation>(الگو را انتخاب کنید)</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>الگو</translation>
    </message>
    <message>
        <source>Kind of organization</source>
        <translation>نوع سازمان</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>نوع فعالیت</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>Position holders in</source>
        <translation>صاحبان سمت در</translation>
    </message>
    <message>
        <source>Only our staff</source>
        <translation>فقط کارکنان خودمان</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Edit the message plan</source>
        <translation>ویرایش برنامهٔ پیام</translation>
    </message>
    <message>
        <source>New message plan</source>
        <translation>برنامهٔ پیام جدید</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>The group reaches {n} living contacts: {group}.</source>
        <translation>این گروه اکنون به {n} مخاطب می‌رسد: {group}.</translation>
    </message>
    <message>
        <source>The message plan of «{occasion}» was saved.</source>
        <translation>برنامهٔ پیام «{occasion}» ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>PlansDialog</name>
    <message>
        <source>Message plans of occasions</source>
        <translation>برنامهٔ پیام مناسبت‌ها</translation>
    </message>
    <message>
        <source>Ahead of each occasion listed here the dashboard proposes its batch, with the group and the template below. Double-click a line to edit it.</source>
        <translation>پیش از هر مناسبت این فهرست، داشبورد پیام گروهی آن را با گروه و الگوی نوشته‌شده پیشنهاد می‌دهد. برای ویرایش، روی سطر دوبار کلیک کنید.</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>مناسبت</translation>
    </message>
    <message>
        <source>Days ahead</source>
        <translation>روز پیش از آن</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>گروه گیرندگان</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>الگو</translation>
    </message>
    <message>
        <source>Proposed on</source>
        <translation>روز پیشنهاد</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>برنامهٔ جدید…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Remove plan</source>
        <translation>حذف برنامه</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>no template chosen yet</source>
        <translation>الگو هنوز انتخاب نشده</translation>
    </message>
    <message>
        <source>now (for {day})</source>
        <translation>اکنون (برای {day})</translation>
    </message>
    <message>
        <source>{proposed} (for {day})</source>
        <translation>{proposed} (برای {day})</translation>
    </message>
    <message>
        <source>not in the coming year</source>
        <translation>در یک سال آینده نیست</translation>
    </message>
    <message>
        <source>Select a plan in the list first.</source>
        <translation>ابتدا برنامه‌ای را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <source>Remove the message plan of «{occasion}»? The dashboard will no longer propose its batch.</source>
        <translation>برنامهٔ پیام «{occasion}» حذف شود؟ داشبورد دیگر پیام گروهی آن را پیشنهاد نمی‌دهد.</translation>
    </message>
    <message>
        <source>The message plan of «{occasion}» was removed.</source>
        <translation>برنامهٔ پیام «{occasion}» حذف شد.</translation>
    </message>
</context>
<context>
    <name>PostponeDialog</name>
    <message>
        <source>Postpone meeting</source>
        <translation>موکول کردن ملاقات</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>تاریخ جدید</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>ساعت جدید</translation>
    </message>
    <message>
        <source>Save despite the conflict</source>
        <translation>ثبت با وجود تداخل</translation>
    </message>
    <message>
        <source>Save on a closed day or time</source>
        <translation>ثبت در روز یا ساعت تعطیل</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <source>Printing was cancelled.</source>
        <extracomment>``render(db)``: the document as PDF bytes, read through the connection it is given.</extracomment>
        <translation>چاپ لغو شد.</translation>
    </message>
    <message>
        <source>The document was not made</source>
        <translation>سند ساخته نشد</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print</source>
        <extracomment>Above this the printer gets the image stretched: a 1200 dpi A4 page would be a 560 MB image and no printed letter looks better for it. Pages are drawn in horizontal bands of this many rows, so memory stays small at 600 dpi. Copies for the system viewer are kept this long, then removed at the next preview.</extracomment>
        <translation>چاپ</translation>
    </message>
    <message>
        <source>The printer could not be opened. Check that it is switched on and connected, or choose another printer, then print again.</source>
        <translation>چاپگر باز نشد. روشن و وصل بودن آن را بررسی کنید یا چاپگر دیگری انتخاب کنید، سپس دوباره چاپ کنید.</translation>
    </message>
</context>
<context>
    <name>PublicDayTab</name>
    <message>
        <source>Visitor&apos;s name</source>
        <translation>نام مراجعه‌کننده</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Give a queue number</source>
        <translation>دادن نوبت</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>حاضر</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>غایب</translation>
    </message>
    <message>
        <source>Warn at</source>
        <translation>هشدار در صورت</translation>
    </message>
    <message>
        <source>off</source>
        <translation>خاموش</translation>
    </message>
    <message>
        <source>public meetings in</source>
        <translation>ملاقات عمومی در</translation>
    </message>
    <message>
        <source>days</source>
        <translation>روز</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>نوبت</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>مراجعه‌کنندگان</translation>
    </message>
    <message>
        <source>Request type</source>
        <translation>نوع درخواست</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Print queue sheet</source>
        <translation>چاپ فهرست نوبت</translation>
    </message>
    <message>
        <source>End the day</source>
        <translation>پایان روز ملاقات عمومی</translation>
    </message>
    <message>
        <source>Public meeting day of %1 — %2</source>
        <translation>ملاقات عمومی %1 — %2</translation>
    </message>
    <message>
        <source>Choose a visitor in the queue first.</source>
        <translation>اول مراجعه‌کننده‌ای را در فهرست نوبت انتخاب کنید.</translation>
    </message>
    <message>
        <source>Queue number %1 for %2</source>
        <translation>نوبت %1 برای %2</translation>
    </message>
    <message>
        <source>End the public day? Visitors who did not come are marked absent and each heard request becomes a follow-up.</source>
        <translation>روز ملاقات عمومی پایان یابد؟ کسانی که نیامده‌اند غایب ثبت می‌شوند و هر درخواستی که شنیده شده یک پیگیری می‌شود.</translation>
    </message>
    <message>
        <source>The public day is closed: %1 follow-ups opened, %2 marked absent.</source>
        <translation>روز ملاقات عمومی بسته شد: %1 پیگیری باز شد، %2 غایب ثبت شد.</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Return</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>Record a piece of work</source>
        <extracomment>An entry was added, changed or removed (the report tab recounts).</extracomment>
        <translation>ثبت فعالیت</translation>
    </message>
    <message>
        <source>Headline or title (Enter records it)</source>
        <translation>تیتر یا عنوان (با Enter ثبت می‌شود)</translation>
    </message>
    <message>
        <source>Newspaper, agency, channel or page</source>
        <translation>روزنامه، خبرگزاری، شبکه یا صفحه</translation>
    </message>
    <message>
        <source>Level: not set</source>
        <translation>سطح: نامشخص</translation>
    </message>
    <message>
        <source>Tone: not set</source>
        <translation>لحن: نامشخص</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ثبت</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>انصراف از ویرایش</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>رسانه</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>پیوند</translation>
    </message>
    <message>
        <source>Search title, outlet or notes (Ctrl+F)</source>
        <translation>جست‌وجو در عنوان، رسانه یا یادداشت (Ctrl+F)</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>همهٔ تاریخ‌ها</translation>
    </message>
    <message>
        <source>Import clippings…</source>
        <translation>ورود بریده جراید…</translation>
    </message>
    <message>
        <source>Add a list of clippings from a CSV or Excel file with the columns Date, Title, Outlet, Level</source>
        <translation>فهرست بریده جراید را از فایل CSV یا Excel با ستون‌های تاریخ، عنوان، رسانه و سطح وارد کنید</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>همهٔ انواع</translation>
    </message>
    <message>
        <source>«{title}» was recorded.</source>
        <translation>«{title}» ثبت شد.</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>ذخیرهٔ تغییرات</translation>
    </message>
    <message>
        <source>Remove «{title}» from the record?</source>
        <translation>«{title}» از کارنامه حذف شود؟</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>حذف…</translation>
    </message>
    <message>
        <source>Import clippings</source>
        <translation>ورود بریده جراید</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>فایل‌های جدولی (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>{count} item(s) added from {path}</source>
        <translation>{count} مورد از {path} افزوده شد</translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation>از {start} تا {end}</translation>
    </message>
    <message>
        <source>{count} item(s)</source>
        <translation>{count} مورد</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Number</source>
        <extracomment>The rows were loaded again (filter or data changed): the counts are new.</extracomment>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>گیرنده</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>پیوست</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>امضاکننده</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>رونوشت:</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>Introduction (optional): a few sentences printed before the figures</source>
        <translation>مقدمه (اختیاری): چند جمله که پیش از آمار چاپ می‌شود</translation>
    </message>
    <message>
        <source>Conclusion (optional): a few sentences printed after the figures</source>
        <translation>جمع‌بندی (اختیاری): چند جمله که پس از آمار چاپ می‌شود</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>ذخیره به‌صورت Excel…</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>پیش‌نمایش و چاپ…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Season</source>
        <translation>فصل</translation>
    </message>
    <message>
        <source>Half year</source>
        <translation>نیمهٔ سال</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>از … تا …</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Show figures</source>
        <translation>نمایش آمار</translation>
    </message>
    <message>
        <source>Type the first and the last day of the period.</source>
        <translation>نخستین و آخرین روز دوره را وارد کنید.</translation>
    </message>
    <message>
        <source>Counting the figures of {period}…</source>
        <translation>شمارش آمار {period}…</translation>
    </message>
    <message>
        <source>Performance report, {period}</source>
        <translation>گزارش عملکرد {period}</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>ذخیرهٔ گزارش</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>فایل‌های Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The report was saved in {path}</source>
        <translation>گزارش در {path} ذخیره شد</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <source>Record of work</source>
        <translation>کارنامه</translation>
    </message>
    <message>
        <source>Performance report</source>
        <translation>گزارش عملکرد</translation>
    </message>
</context>
<context>
    <name>RestoreConfirmDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>بازگردانی پشتیبان</translation>
    </message>
    <message>
        <source>Replace the current data with this backup?</source>
        <translation>داده‌های کنونی با این پشتیبان جایگزین شوند؟</translation>
    </message>
    <message>
        <source>Backup taken on {date}</source>
        <translation>زمان پشتیبان‌گیری: {date}</translation>
    </message>
    <message>
        <source>Organization: {name}</source>
        <translation>سازمان: {name}</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>رکوردها</translation>
    </message>
    <message>
        <source>In the backup</source>
        <translation>در پشتیبان</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>اکنون</translation>
    </message>
    <message>
        <source>Everything entered after the backup was taken will be replaced. The current data is first kept as a safety copy, which is never deleted automatically.</source>
        <translation>هر چه پس از گرفتن این پشتیبان وارد شده جایگزین می‌شود. داده‌های کنونی پیش از آن به‌صورت نسخهٔ ایمنی نگه داشته می‌شوند که هرگز خودکار پاک نمی‌شود.</translation>
    </message>
    <message>
        <source>{count} letters were numbered after this backup ({numbers}). They stay in the letter register, marked as carried over from before the restore, so no number is issued twice.</source>
        <translation>{count} نامه که پس از این پشتیبان شماره گرفته‌اند ({numbers}) در دفتر نامه‌ها می‌مانند و با نشان «آورده‌شده از پیش از بازگردانی» نگه داشته می‌شوند، تا هیچ شماره‌ای دوباره داده نشود.</translation>
    </message>
    <message>
        <source>Folder of the safety copy:</source>
        <translation>پوشهٔ نسخهٔ ایمنی:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بازگردانی</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Backup and settings</source>
        <extracomment>The tabs, in order.</extracomment>
        <translation>پشتیبان‌گیری و تنظیمات</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>سربرگ</translation>
    </message>
    <message>
        <source>Organization name, line 1</source>
        <translation>نام سازمان، سطر ۱</translation>
    </message>
    <message>
        <source>Organization name, line 2</source>
        <translation>نام سازمان، سطر ۲</translation>
    </message>
    <message>
        <source>Organization name, line 3</source>
        <translation>نام سازمان، سطر ۳</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation>۱۰ رقم</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>with area code</source>
        <translation>با پیش‌شماره</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>نمابر</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>وبگاه</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>نشان (لوگو)</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>امضاکننده</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>سمت</translation>
    </message>
    <message>
        <source>Letter numbering</source>
        <translation>شماره‌گذاری نامه</translation>
    </message>
    <message>
        <source>Number pattern</source>
        <translation>الگوی شماره</translation>
    </message>
    <message>
        <source>{seq} sequence number, {type} letter type code, {unit} unit code, {yyyy} four-digit year, {yy} two-digit year</source>
        <translation>‏{seq} شمارهٔ ترتیبی، {type} کد نوع نامه، {unit} کد واحد، {yyyy} سال چهاررقمی، {yy} سال دورقمی</translation>
    </message>
    <message>
        <source>Letter type code</source>
        <translation>کد نوع نامه</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>کد واحد</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>پیوست</translation>
    </message>
    <message>
        <source>Order of the header lines</source>
        <translation>ترتیب سطرهای سربرگ</translation>
    </message>
    <message>
        <source>{0}, {1}, {2}</source>
        <translation>{0}، {1}، {2}</translation>
    </message>
    <message>
        <source>Paper and backups</source>
        <translation>کاغذ و پشتیبان</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>اندازهٔ کاغذ</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (۲۱۰ × ۲۹۷ میلی‌متر)</translation>
    </message>
    <message>
        <source>A5 (148 × 210 mm)</source>
        <translation>A5 (۱۴۸ × ۲۱۰ میلی‌متر)</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>پوشهٔ پشتیبان</translation>
    </message>
    <message>
        <source>Calendar and language</source>
        <translation>تقویم و زبان</translation>
    </message>
    <message>
        <source>Language of the window</source>
        <translation>زبان پنجره</translation>
    </message>
    <message>
        <source>When you save, the window is rebuilt at once in the chosen language.</source>
        <translation>با ذخیره، پنجره همان لحظه به زبان انتخاب‌شده دوباره ساخته می‌شود.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Save the settings (Ctrl+S)</source>
        <translation>ذخیرهٔ تنظیمات (Ctrl+S)</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>برگرداندن تغییرها</translation>
    </message>
    <message>
        <source>Show the saved settings again</source>
        <translation>نمایش دوبارهٔ تنظیمات ذخیره‌شده</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> روز</translation>
    </message>
    <message>
        <source>Lunar date correction</source>
        <translation>اصلاح تاریخ قمری</translation>
    </message>
    <message>
        <source>Lunar dates beyond Iran&apos;s official table are estimated from the first visibility of the crescent and may be a day off. When the announced first day of a lunar month differs, set the difference here: +1 if the month began a day earlier than shown, -1 if a day later.</source>
        <translation>تاریخ‌های قمری پس از جدول رسمی ایران از رؤیت هلال برآورد می‌شوند و ممکن است یک روز جابه‌جا باشند. اگر اول ماه قمری اعلام‌شده با تقویم فرق داشت، اختلاف را اینجا وارد کنید: ۱+ اگر ماه یک روز زودتر از آنچه نشان داده می‌شود آغاز شده است و ۱- اگر یک روز دیرتر.</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>انتخاب نشان (لوگو)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>تصویرها (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>انتخاب پوشهٔ پشتیبان</translation>
    </message>
    <message>
        <source>Please check the value</source>
        <translation>مقدار را بررسی کنید</translation>
    </message>
    <message>
        <source>Nothing was saved; correct the marked value and save again.</source>
        <translation>چیزی ذخیره نشد؛ مقدار مشخص‌شده را درست کنید و دوباره ذخیره کنید.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>تنظیمات ذخیره شد.</translation>
    </message>
    <message>
        <source>Nothing to save: the settings were already like this.</source>
        <translation>چیزی برای ذخیره نبود: تنظیمات از پیش همین بود.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to PRDesk</source>
        <translation>به پی‌آر‌دسک خوش آمدید</translation>
    </message>
    <message>
        <source>How would you like to begin? You can change everything later.</source>
        <translation>چطور شروع می‌کنید؟ همهٔ این‌ها بعداً قابل تغییر است.</translation>
    </message>
    <message>
        <source>Start with an empty desk</source>
        <translation>شروع با میز خالی</translation>
    </message>
    <message>
        <source>Load sample data to try the program (a small made-up office)</source>
        <translation>بارگذاری دادهٔ نمونه برای آشنایی با برنامه (یک ادارهٔ کوچک ساختگی)</translation>
    </message>
    <message>
        <source>Import my contacts from an Excel or CSV file</source>
        <translation>ورود مخاطبان از فایل اکسل یا CSV</translation>
    </message>
    <message>
        <source>Restore a backup made with PRDesk (e.g. from the old computer)</source>
        <translation>بازگردانی پشتیبانی که با پی‌آر‌دسک گرفته شده (مثلاً از رایانهٔ قبلی)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>The backup file (.prdesk-backup):</source>
        <translation>فایل پشتیبان (.prdesk-backup):</translation>
    </message>
    <message>
        <source>The contacts file (Excel .xlsx or .csv):</source>
        <translation>فایل مخاطبان (اکسل .xlsx یا .csv):</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>انتخاب فایل پشتیبان</translation>
    </message>
    <message>
        <source>PRDesk backups (*.prdesk-backup)</source>
        <translation>پشتیبان‌های پی‌آر‌دسک (*.prdesk-backup)</translation>
    </message>
    <message>
        <source>Choose the contacts file</source>
        <translation>انتخاب فایل مخاطبان</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>اکسل یا CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>The file «{name}» was not found. Choose it again with «Choose…».</source>
        <translation>فایل «{name}» یافت نشد. آن را دوباره با «انتخاب…» انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Message templates</source>
        <extracomment>The recipient the preview is filled for.</extracomment>
        <translation>الگوهای پیام</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>الگوی جدید</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Usually sent as</source>
        <translation>راه ارسال معمول</translation>
    </message>
    <message>
        <source>Words of the occasions it suits, separated by commas</source>
        <translation>واژه‌های مناسبت‌های مناسب این الگو، جدا با ویرگول</translation>
    </message>
    <message>
        <source>Occasions</source>
        <translation>مناسبت‌ها</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>not proposed</source>
        <translation>پیشنهاد نشود</translation>
    </message>
    <message>
        <source>days ahead, to</source>
        <translation>روز پیش از مناسبت، برای</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>our staff</source>
        <translation>کارکنان خودمان</translation>
    </message>
    <message>
        <source>Dashboard proposes it</source>
        <translation>پیشنهاد در پیشخوان</translation>
    </message>
    <message>
        <source>Placeholders (double-click to insert):</source>
        <translation>جای‌نگهدارها (برای درج دوبار کلیک کنید):</translation>
    </message>
    <message>
        <source>Preview for a sample recipient:</source>
        <translation>پیش‌نمایش برای یک گیرندهٔ نمونه:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>نسخهٔ {n}</translation>
    </message>
    <message>
        <source>The template was saved.</source>
        <translation>الگو ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>TimeGrid</name>
    <message>
        <source>Status: %1</source>
        <translation>وضعیت: %1</translation>
    </message>
    <message>
        <source>Saved despite a conflict</source>
        <translation>با وجود تداخل ثبت شده است</translation>
    </message>
</context>
<context>
    <name>TodayMeetings</name>
    <message>
        <source>Today&apos;s meetings</source>
        <translation>ملاقات‌های امروز</translation>
    </message>
    <message>
        <source>No meetings today.</source>
        <translation>امروز ملاقاتی نیست.</translation>
    </message>
    <message>
        <source>Overdue follow-ups: %1</source>
        <translation>پیگیری‌های سررسیدگذشته: %1</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Please wait</source>
        <extracomment>``progress(done, total)``: returns False once the clerk asked to stop. The work a worker runs: it gets the progress callback and returns its result.</extracomment>
        <translation>لطفاً صبر کنید</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>_ActionDialog</name>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
</context>
</TS>
