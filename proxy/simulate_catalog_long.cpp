// proxy/simulate_catalog_long.cpp: the two commands whose whole output is only in CloudWatch Logs and S3.
//
// Index
//   export_orders      rows generated from their number (no randomness: every run, every process
//                      writes the same bytes); 100 rows per write, every 10 ms for 20 s
//   translation_dump   five phrases in twelve locales for 120 pages; missing ones on stderr
//
// Why these two (issue: the whole output). GetCommandInvocation keeps the first 24,000 bytes of
// stdout and 8,000 of stderr, so each story needs the rest somewhere: the export sends it to a
// named log group and to S3 and writes 5 MB (200,000 lines: the complaint users raise most, at a
// size a proxy answer can still carry whole, below forward.cpp's 16 MiB); its stderr starts 12 s
// in, so its stream appears late; its last rows and summary are written after the agent's last
// periodic upload, so they land in CloudWatch after the status is terminal (simulate_uploads.h).
// The translation dump writes CJK, Thai, Devanagari, Greek, Cyrillic and emoji: the agent's
// byte cut at 24,000 falls inside a character (a catalog test pins that down), which is what the
// viewer must repair from S3. It uses the default log group (/aws/ssm/AWS-RunShellScript).
#include "simulate_catalog_long.h"

#include <cstdio>
#include <string>
#include <vector>

namespace ssmview::proxy {

namespace {

const char* const kShell = "aws:runShellScript";

// ---- export_orders ----------------------------------------------------------------------------

constexpr int kExportRows = 200000;
constexpr int kRowsPerWrite = 100;

// "000042,SKU-43613,3,112.23\n": order number, a SKU, a quantity and a total, from the number alone.
void append_row(std::string& out, int row) {
    const unsigned sku = 10000u + (static_cast<unsigned>(row) * 7919u) % 90000u;
    const unsigned qty = 1u + static_cast<unsigned>(row) % 7u;
    const unsigned cents = qty * (100u + (static_cast<unsigned>(row) * 2654435761u) % 9900u);
    char buf[64];
    const int n = std::snprintf(buf, sizeof buf, "%06d,SKU-%05u,%u,%u.%02u\n", row, sku, qty, cents / 100, cents % 100);
    out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

SimCommand export_orders() {
    SimCommand c;
    c.command_id = "c8b4e1f2-7a39-4d6e-b0c5-93f1a2d7e468";
    c.comment = "export November orders to CSV (200,000 rows)";
    c.document_name = "AWS-RunShellScript";
    c.document_version = "$DEFAULT";
    c.parameters_json =
        R"({"commands":["/opt/shop/bin/export-orders --month 2026-11 --out /srv/exports/orders-2026-11.csv --echo"],"executionTimeout":["3600"],"workingDirectory":[""]})";
    c.output_s3_bucket = "ssmview-sim-output";
    c.output_s3_prefix = "exports";
    c.cloudwatch_log_group = "/ssmview/simulated/exports";
    c.cloudwatch_enabled = true;
    c.story = "200,000 CSV rows (5 MB) in 20 s, then Success: StandardOutputContent keeps the first 24,000 "
              "bytes; the whole output grows in CloudWatch Logs (stderr's stream appears 12 s in, the last "
              "batch lands 3 s after Success) and is in S3 once the step ends";

    SimInvocation inv;
    inv.instance_id = "i-0c3e9a7f15b2d8064";
    inv.instance_name = "ip-10-20-4-52.ec2.internal";
    inv.visible_ms = 2800;
    Step s;
    s.name = kShell;
    s.start_ms = 5030;
    s.end_ms = 5030 + 21870;
    s.ending = Ending::Success;
    s.response_code = 0;
    s.out.write(120, "\x1b[1mexport-orders 4.2.0\x1b[0m: 200,000 orders of 2026-11 -> /srv/exports/orders-2026-11.csv\n");
    s.out.write(300, "order_id,sku,qty,total_eur\n");
    std::string chunk;
    for (int w = 0; w < kExportRows / kRowsPerWrite; ++w) {
        chunk.clear();
        for (int r = 1; r <= kRowsPerWrite; ++r) append_row(chunk, w * kRowsPerWrite + r);
        s.out.write(400 + 10 * w, chunk);
    }
    s.out.write(21600, "\x1b[32m✔\x1b[0m 200,000 rows, " + std::to_string(s.out.text().size()) +
                           " bytes echoed; /srv/exports/orders-2026-11.csv closed\n");
    s.err = {
        {12400, "warning: order 104233: price missing, exported with total 0.00\n"},
        {12410, "warning: order 104871: price missing, exported with total 0.00\n"},
        {17950, "warning: order 151002: currency GBP converted at 1.1412\n"},
    };
    inv.steps.push_back(std::move(s));
    c.invocations.push_back(std::move(inv));
    return c;
}

// ---- translation_dump -------------------------------------------------------------------------

namespace {

constexpr int kLocaleCount = 12;
const char* const kLocales[kLocaleCount] = {"de", "fr", "pl", "el", "ru", "ja", "zh", "ko", "hi", "th", "tr", "vi"};

struct Phrase {
    const char* key;
    const char* text[kLocaleCount];  // in kLocales' order
};

const Phrase kPhrases[] = {
    {"cart.checkout",
     {"Zur Kasse", "Passer à la caisse", "Przejdź do kasy", "Ολοκλήρωση αγοράς", "Оформить заказ", "レジに進む",
      "去结算", "결제하기", "चेकआउट करें", "ชำระเงิน", "Ödemeye geç", "Thanh toán"}},
    {"cart.empty",
     {"Ihr Warenkorb ist leer", "Votre panier est vide", "Twój koszyk jest pusty", "Το καλάθι σας είναι άδειο",
      "Ваша корзина пуста", "カートは空です", "您的购物车是空的", "장바구니가 비어 있습니다", "आपकी कार्ट खाली है",
      "ตะกร้าของคุณว่างเปล่า", "Sepetiniz boş", "Giỏ hàng của bạn trống"}},
    {"order.shipped",
     {"Ihre Bestellung wurde versandt 📦", "Votre commande a été expédiée 📦", "Twoje zamówienie zostało wysłane 📦",
      "Η παραγγελία σας στάλθηκε 📦", "Ваш заказ отправлен 📦", "ご注文の商品を発送しました 📦", "您的订单已发货 📦",
      "주문하신 상품이 발송되었습니다 📦", "आपका ऑर्डर भेज दिया गया है 📦", "จัดส่งคำสั่งซื้อของคุณแล้ว 📦",
      "Siparişiniz kargoya verildi 📦", "Đơn hàng của bạn đã được gửi 📦"}},
    {"account.welcome",
     {"Willkommen zurück, %s!", "Bon retour, %s !", "Witaj ponownie, %s!", "Καλώς ήρθατε ξανά, %s!",
      "С возвращением, %s!", "おかえりなさい、%sさん！", "欢迎回来，%s！", "%s님, 다시 오신 것을 환영합니다!",
      "फिर से स्वागत है, %s!", "ยินดีต้อนรับกลับ %s!", "Tekrar hoş geldiniz, %s!", "Chào mừng trở lại, %s!"}},
    {"payment.declined",
     {"Zahlung abgelehnt", "Paiement refusé", "Płatność odrzucona", "Η πληρωμή απορρίφθηκε", "Платёж отклонён",
      "お支払いが拒否されました", "付款被拒绝", "결제가 거부되었습니다", "भुगतान अस्वीकृत", "การชำระเงินถูกปฏิเสธ",
      "Ödeme reddedildi", "Thanh toán bị từ chối"}},
};
constexpr int kPhraseCount = static_cast<int>(sizeof kPhrases / sizeof kPhrases[0]);
constexpr int kPages = 120;
constexpr int kMissing = 240;

std::string page_key(int page, const Phrase& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "web.p%03d.%s", page, p.key);
    return buf;
}

}  // namespace

SimCommand translation_dump() {
    SimCommand c;
    c.command_id = "4e7d2a90-b1c6-4f38-9a05-d6e8c3b1f729";
    c.comment = "dump the shop's translation catalog (12 locales)";
    c.document_name = "AWS-RunShellScript";
    c.document_version = "$DEFAULT";
    c.parameters_json =
        R"({"commands":["/opt/shop/bin/i18n-dump --all-locales"],"executionTimeout":["600"],"workingDirectory":["/srv/shop"]})";
    c.output_s3_bucket = "ssmview-sim-output";
    c.output_s3_prefix = "i18n";
    c.cloudwatch_enabled = true;  // no group named: the agent's default, /aws/ssm/AWS-RunShellScript
    c.story = "7,200 lines in twelve scripts, then Success: the 24,000-byte cut of StandardOutputContent "
              "splits a multi-byte character and StandardErrorContent is cut at 8,000; the whole output is "
              "in S3 and in the default log group";

    SimInvocation inv;
    inv.instance_id = "i-05a8d3c6e2f71b949";
    inv.instance_name = "ip-10-20-6-140.ec2.internal";
    inv.visible_ms = 2700;
    Step s;
    s.name = kShell;
    s.start_ms = 4860;
    s.end_ms = 4860 + 13240;
    s.ending = Ending::Success;
    s.response_code = 0;
    // Missing translation i: page i / 2, phrase 3i mod 5, locale 5i mod 12 (all distinct).
    std::vector<bool> missing(kPages * kPhraseCount * kLocaleCount, false);
    const auto slot = [](int page, int phrase, int locale) { return (page * kPhraseCount + phrase) * kLocaleCount + locale; };
    for (int i = 0; i < kMissing; ++i) missing[slot(i / 2, (i * 3) % kPhraseCount, (i * 5) % kLocaleCount)] = true;

    s.out.write(80, "i18n-dump 2.3.1: 600 keys × 12 locales from /srv/shop/i18n\n");
    int write = 0;
    for (int page = 0; page < kPages; ++page) {
        for (int phrase = 0; phrase < kPhraseCount; ++phrase) {
            std::string lines;
            for (int l = 0; l < kLocaleCount; ++l)
                lines += page_key(page, kPhrases[phrase]) + " [" + kLocales[l] + "] " +
                         (missing[slot(page, phrase, l)] ? "—" : kPhrases[phrase].text[l]) + "\n";
            s.out.write(200 + 20 * write++, lines);
        }
    }
    s.out.write(12600, "dumped " + std::to_string(kPages * kPhraseCount * kLocaleCount - kMissing) + " strings; " +
                           std::to_string(kMissing) + " missing (listed on stderr)\n");
    for (int i = 0; i < kMissing; ++i) {
        const Phrase& p = kPhrases[(i * 3) % kPhraseCount];
        s.err.write(210 + 50 * i, "i18n-dump: missing [" + std::string(kLocales[(i * 5) % kLocaleCount]) + "] " +
                                      page_key(i / 2, p) + " (falling back to en)\n");
    }
    inv.steps.push_back(std::move(s));
    c.invocations.push_back(std::move(inv));
    return c;
}

}  // namespace ssmview::proxy
