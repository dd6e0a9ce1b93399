<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About PRDesk</source>
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
</context>
<context>
    <name>App</name>
    <message>
        <source>The window now uses the language you chose.</source>
        <translation>پنجره اکنون به زبانی است که انتخاب کردید.</translation>
    </message>
    <message>
        <source>The database was not opened</source>
        <translation>پایگاه داده باز نشد</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Calendar and ceremonies</source>
        <translation>تقویم و مراسم</translation>
    </message>
    <message>
        <source>The calendar of occasions and of the office&apos;s own ceremonies will be added to this page in a later version of PRDesk.</source>
        <translation>تقویم مناسبت‌ها و مراسم خود اداره در نسخهٔ بعدی پی‌آر‌دسک به این صفحه اضافه می‌شود.</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contacts</source>
        <translation>مخاطبین</translation>
    </message>
    <message>
        <source>The directory of unions, cooperatives, organizations and their people will be added to this page in a later version of PRDesk.</source>
        <translation>فهرست اتحادیه‌ها، تعاونی‌ها، سازمان‌ها و افراد آن‌ها در نسخهٔ بعدی پی‌آر‌دسک به این صفحه اضافه می‌شود.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
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
        <source>Upcoming occasions, today&apos;s meetings and birthdays will be added to the dashboard in later versions of PRDesk.</source>
        <translation>مناسبت‌های پیش رو، ملاقات‌های امروز و زادروزها در نسخه‌های بعدی پی‌آر‌دسک به پیشخوان اضافه می‌شوند.</translation>
    </message>
    <message>
        <source>not known for this year</source>
        <translation>برای این سال در دسترس نیست</translation>
    </message>
    <message>
        <source>as predicted by the Calendar Center; not yet official</source>
        <translation>پیش‌بینی مرکز تقویم؛ هنوز رسمی نشده</translation>
    </message>
    <message>
        <source>estimated from the Umm al-Qura calendar and your correction</source>
        <translation>برآورد از تقویم ام‌القری با اصلاحی که تعیین کرده‌اید</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>Letters and printing</source>
        <translation>نامه و چاپ</translation>
    </message>
    <message>
        <source>Writing and printing letters, reports and calendars will be added to this page in a later version of PRDesk. The letterhead and letter numbering can already be set on the Backup and settings page.</source>
        <translation>نوشتن و چاپ نامه‌ها، گزارش‌ها و تقویم‌ها در نسخهٔ بعدی پی‌آر‌دسک به این صفحه اضافه می‌شود. سربرگ و شماره‌گذاری نامه‌ها را از همین حالا در صفحهٔ «پشتیبان‌گیری و تنظیمات» می‌توانید تعیین کنید.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PRDesk</source>
        <extracomment>The pages in navigation order; Ctrl+1 … Ctrl+7 follow this order. The saved UI language differs from the one this window was built in.</extracomment>
        <translation>پی‌آر‌دسک</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;برو به</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>&amp;About PRDesk</source>
        <translation>&amp;دربارهٔ پی‌آر‌دسک</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>پایگاه داده: {path}</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Meetings</source>
        <translation>ملاقات‌ها</translation>
    </message>
    <message>
        <source>The schedule of visitors&apos; meetings will be added to this page in a later version of PRDesk.</source>
        <translation>برنامهٔ ملاقات‌های مراجعان در نسخهٔ بعدی پی‌آر‌دسک به این صفحه اضافه می‌شود.</translation>
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
    <name>MessagesPage</name>
    <message>
        <source>Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <source>The archive of greeting and condolence messages will be added to this page in a later version of PRDesk.</source>
        <translation>بایگانی پیام‌های تبریک و تسلیت در نسخهٔ بعدی پی‌آر‌دسک به این صفحه اضافه می‌شود.</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <source>Please check the value</source>
        <translation>لطفاً مقدار را بررسی کنید</translation>
    </message>
    <message>
        <source>The action was not done</source>
        <translation>کار انجام نشد</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Backup and settings</source>
        <translation>پشتیبان‌گیری و تنظیمات</translation>
    </message>
    <message>
        <source>Making and restoring backup files will be added to this page in a later version of PRDesk; the backup folder can already be chosen below.</source>
        <translation>ساختن و بازگرداندن فایل پشتیبان در نسخهٔ بعدی پی‌آر‌دسک به این صفحه اضافه می‌شود؛ پوشهٔ پشتیبان را از همین حالا در پایین می‌توانید انتخاب کنید.</translation>
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
        <translation>دورنگار</translation>
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
        <source>Only for lunar dates beyond Iran&apos;s official calendar table that the program knows; leave it at zero unless such a date is shown a day off.</source>
        <translation>فقط برای تاریخ‌های قمری بیرون از جدول رسمی تقویم ایران که برنامه در اختیار دارد؛ آن را صفر بگذارید مگر این‌که چنین تاریخی یک روز جابه‌جا نشان داده شود.</translation>
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
        <translation>لطفاً مقدار را بررسی کنید</translation>
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
</TS>
