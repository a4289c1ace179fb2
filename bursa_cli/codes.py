"""The catalogue of problem codes: every problem `bursa` reports has a stable code here.

Each code has the Indonesian message (a template with `{fields}`), its level,
and an explanation for `bursa validasi --jelaskan KODE`. Codes never change
meaning and are never reused, as in SQLFluff and Ruff: a code that is retired
stays listed with the note that it is no longer produced.

Why here and not in `check/`: the loader (`schema/`), the rules (`check/`), the
day's desks (`day/`) and the importer all produce problems, and imports flow
one way, from `schema` up; a catalogue beside `errors.py` can serve them all.

Families:
  BUR-Y  berkas dan penulisan YAML     BUR-S  isi berkas tidak sesuai skema
  BUR-L  log hari-H yang rusak         BUR-R  rujukan antarberkas
  BUR-H  entri log hari-H              BUR-K  Kartu Komitmen
  BUR-D  peran di desa                 BUR-T  tahapan dan kesiapannya
  BUR-C  syarat cetak dokumen          BUR-P  tempat duduk (kursi)
  BUR-N  register nomor surat          BUR-I  impor dari Excel/CSV
  BUR-W  jaringan dan keamanan `bursa layani`
  BUR-G  gladi bersih dan data latihan
  BUR-F  tindak lanjut komitmen
  BUR-U  perintah, pilihan dan folder   BUR-M  meja hari-H (penolakan di meja)
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ERROR, NOTE, WARNING


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    template: str  # the message, with {fields}
    explanation: str  # what it means and how to fix it, for `--jelaskan`
    level: str = ERROR
    hint: str = ""  # what to do next, shown under the message of a refused command (a template too)

    @property
    def family(self) -> str:
        return self.code[4]

    @property
    def shown(self) -> str:
        """The template as a reader sees it (format's doubled braces undone)."""
        return self.template.replace("{{", "{").replace("}}", "}")


CODES: dict[str, Code] = {}


def _c(code: str, template: str, explanation: str, level: str = ERROR, hint: str = "") -> None:
    assert code not in CODES, code
    CODES[code] = Code(code, template, explanation, level, hint)


def say(code: str, **fields) -> dict:
    """The message, code and level of one problem, as keyword arguments for `Problem` or `locate`."""
    entry = CODES[code]
    return {"message": entry.template.format(**fields), "code": code, "level": entry.level}


def message_of(code: str, **fields) -> str:
    """The message of `code` with its fields filled in, for an exception outside the `BursaError` family."""
    return CODES[code].template.format(**fields)


def explain(code: str) -> Code | None:
    """The catalogue entry of `code` (written in any letter case, with or without 'BUR-')."""
    wanted = code.strip().upper()
    if not wanted.startswith("BUR-"):
        wanted = "BUR-" + wanted
    return CODES.get(wanted)


# --------------------------------------------------------------------------- BUR-Y berkas dan YAML

_c("BUR-Y001", "Berkas {berkas} tidak ada.",
   "Setiap folder acara memuat berkas-berkas yang dibuat `bursa init`. Berkas ini hilang atau "
   "namanya berubah. Kembalikan berkasnya (mis. dari git), atau buat berkas berisi daftar kosong `[]`.")
_c("BUR-Y002", "Berkas bukan teks UTF-8. Simpan ulang sebagai UTF-8 (di Notepad: Simpan Sebagai, "
   "Encoding: UTF-8).",
   "Berkas YAML harus disimpan sebagai teks UTF-8. Berkas yang disimpan dengan pengodean lain "
   "(ANSI, UTF-16) tidak dapat dibaca. Buka dan simpan ulang dengan pengodean UTF-8.")
_c("BUR-Y003", "Berkas memuat karakter kendali yang tidak boleh ada (kode {kode}); hapus karakter itu "
   "atau simpan ulang berkas sebagai teks biasa.",
   "Berkas memuat karakter tak terlihat yang tidak boleh ada di YAML, biasanya terbawa saat menyalin "
   "dari dokumen lain. Hapus karakter di baris yang ditunjuk.")
_c("BUR-Y004", "Penulisan YAML tidak sah: {rincian}",
   "Berkas tidak dapat dibaca sebagai YAML: indentasi dengan Tab, titik dua yang kurang, tanda kutip "
   "yang tidak ditutup. Perbaiki di baris dan kolom yang ditunjuk. Pemeriksaan lain atas berkas ini "
   "dan yang bergantung padanya dilewati sampai berkasnya terbaca (lihat BUR-Y012).")
_c("BUR-Y005", "Kunci harus berupa teks biasa (kunci gabungan '<<' dan kunci majemuk tidak didukung).",
   "Setiap kunci di berkas acara adalah satu kata biasa, mis. `nama:`. Kunci gabungan YAML (`<<:`) "
   "dan kunci berupa daftar tidak dipakai; tulis kuncinya satu per satu.")
_c("BUR-Y006", "Kunci '{kunci}' ditulis dua kali (pertama di baris {baris}); YAML hanya memakai yang "
   "terakhir, jadi hapus salah satunya.",
   "Satu kunci muncul dua kali di kumpulan yang sama. YAML diam-diam memakai yang terakhir, sehingga "
   "isian pertama hilang tanpa kabar. Hapus salah satunya.")
_c("BUR-Y007", "Tag YAML '{tag}' tidak didukung.",
   "Tanda `!!...` atau `!...` di depan nilai tidak dipakai di berkas acara. Hapus tagnya dan tulis "
   "nilainya saja.")
_c("BUR-Y008", "Nilai '{nilai}' tidak dapat dibaca (tanggal tidak ada?).",
   "Nilai ini terlihat seperti tanggal atau angka, tetapi tidak sah (mis. 2026-02-30). Tulis tanggal "
   "yang ada, dengan bentuk TTTT-BB-HH.")
_c("BUR-Y009", "Isi acara.yaml harus berupa kumpulan kunci: nilai.",
   "acara.yaml berisi satu kumpulan `kunci: nilai` (nama, tanggal, tempat, ...), bukan daftar atau "
   "satu nilai saja.")
_c("BUR-Y010", "Isi {berkas} harus berupa daftar: setiap butir diawali '- '.",
   "Berkas ini berisi daftar: setiap butir diawali `- ` di awal baris. Daftar kosong ditulis `[]`.")
_c("BUR-Y011", "acara.yaml kosong atau hanya berisi komentar; data acara (nama, tanggal, tempat, "
   "penyelenggara, wilayah) belum ada.",
   "acara.yaml adalah inti folder acara. Berkas yang kosong atau hanya berisi komentar tidak memuat "
   "apa pun, sehingga tidak ada tahapan yang dapat dinilai siap dan tidak ada dokumen yang dapat "
   "dicetak. Isi kembali dari git atau dari kerangka `bursa init`.")
_c("BUR-Y012", "Belum terbaca: {jumlah} pemeriksaan dilewati.",
   "Bila sebuah berkas tidak dapat dibaca, masalahnya dilaporkan sekali di berkas itu. Pemeriksaan "
   "lain yang memerlukan isinya (mis. meja yang melayani inovasi) tidak dijalankan, agar tidak "
   "muncul galat turunan yang menyesatkan. Perbaiki berkasnya lalu jalankan `bursa validasi` lagi.",
   WARNING)

_c("BUR-Y013", "Alias YAML (*nama) merujuk ke dirinya sendiri; tulis nilainya langsung.",
   "Jangkar (&nama) dan alias (*nama) YAML menyalin sebuah nilai. Alias di dalam nilai jangkarnya "
   "sendiri membuat salinan tanpa ujung. Berkas acara tidak memerlukan alias: tulis nilainya langsung.")
_c("BUR-Y014", "Alias YAML (*nama) di berkas ini menyalin lebih dari {batas} nilai; tulis nilainya langsung.",
   "Alias yang merujuk alias lain dapat menggandakan isi berkas sampai miliaran nilai (\"billion "
   "laughs\"). Salinan lewat alias dibatasi per berkas (lihat docs/folder-acara.md, batas berkas); "
   "berkas acara tidak memerlukan alias.")
_c("BUR-Y015", "Daftar atau kumpulan bersarang lebih dari {batas} tingkat.",
   "Berkas acara tidak pernah memerlukan lebih dari beberapa tingkat `- ` dan `kunci:` bertingkat. "
   "Isian yang bersarang sedalam ini bukan data acara; periksa kurung [ ] dan { } di baris yang ditunjuk.")
_c("BUR-Y016", "Berkas tidak dapat dibaca: {rincian}.",
   "Nama ini di folder acara bukan berkas biasa yang dapat dibuka (mis. sebuah folder, tautan "
   "yang putus, atau berkas tanpa izin baca). Ganti dengan berkas YAML biasa.")
_c("BUR-Y017", "Berkas lebih besar dari {batas}; berkas acara dan log tidak pernah sebesar itu.",
   "Setiap berkas acara dan log dibatasi ukurannya (lihat docs/folder-acara.md, batas berkas), agar "
   "berkas yang keliru (mis. hasil salin yang salah) tidak menghabiskan memori laptop.")

# --------------------------------------------------------------------------- BUR-S skema

_c("BUR-S001", "Wajib diisi.",
   "Isian ini wajib ada. Tambahkan kuncinya beserta nilainya; `bursa skema` menunjukkan isian "
   "yang wajib untuk setiap berkas.")
_c("BUR-S002", "{pesan}",
   "Kunci ini tidak dikenal di tempat ini, biasanya salah ketik (mis. `tangal` untuk `tanggal`). "
   "Kunci yang tidak dikenal ditolak agar isian yang salah eja tidak diam-diam diabaikan.")
_c("BUR-S003", "{pesan}",
   "Nilai ini harus salah satu dari pilihan yang tersedia, ditulis persis (huruf kecil, tanda "
   "hubung). Pilihan yang sah tercantum di pesannya.")
_c("BUR-S004", "{pesan}",
   "Nilai ini harus mengikuti bentuk tertentu: kode wilayah PP.KK.CC.NNNN, NIP 18 angka, jam JJ:MM, "
   "id tanpa spasi. Bentuk yang diharapkan tercantum di pesannya.")
_c("BUR-S005", "{pesan}",
   "Jenis nilai tidak sesuai: teks di tempat angka, daftar di tempat satu nilai, tanggal yang tidak "
   "sah. Tulis nilai dengan jenis yang diminta pesannya.")
_c("BUR-S006", "{pesan}",
   "Angka ini di luar batas yang masuk akal untuk isiannya (mis. nilai di luar 1 sampai 5, "
   "kapasitas 0).")
_c("BUR-S007", "{pesan}",
   "Isian tidak lolos aturan isinya sendiri (mis. jam selesai sebelum jam mulai). Pesannya "
   "menjelaskan aturannya.")
_c("BUR-S008", "{kunci} '{nilai}' sudah dipakai di baris {baris}; setiap {kunci} harus unik.",
   "Setiap butir daftar ini dikenali dari kunci ini, jadi dua butir tidak boleh memakai nilai yang "
   "sama. Butir kedua diabaikan sampai diganti.")

# --------------------------------------------------------------------------- BUR-L log rusak

_c("BUR-L001", "Baris terakhir terpotong (penulisan terhenti di tengah jalan). Jalankan `bursa perbaiki` "
   "untuk memulihkan log tanpa kehilangan entri yang utuh.",
   "Listrik padam atau laptop tertutup saat entri ditulis, sehingga baris terakhir log tidak utuh. "
   "`bursa perbaiki` memindahkan baris terpotong ke berkas cadangan dan mempertahankan entri yang utuh.")
_c("BUR-L002", "Baris log tidak terbaca: setiap baris harus berbentuk `- {{\"kunci\": \"nilai\", ...}}`.",
   "Log hari-H ditulis satu entri per baris. Baris ini bukan entri yang sah, biasanya karena "
   "diubah dengan tangan atau hasil penggabungan git yang bentrok. Kembalikan bentuk barisnya.")
_c("BUR-L003", "Log tidak dapat dibaca: {rincian}.",
   "Setiap log hari-H adalah berkas biasa di dalam folder acara. Nama ini adalah folder, tautan "
   "(symlink) ke luar folder acara, berkas tanpa izin baca, atau berkas yang terlalu besar; "
   "log seperti itu tidak dibaca. Kembalikan lognya dari git atau dari laptop meja.")

# --------------------------------------------------------------------------- BUR-R rujukan

_c("BUR-R001", "Peserta {nama} berperan {peran} tetapi desanya tidak diisi.",
   "Kepala Desa, Ketua BPD dan perangkat desa mewakili satu desa: isi `desa` dengan kode desanya.")
_c("BUR-R002", "Desa '{desa}' tidak ada di desa.yaml.",
   "Kode desa ini tidak tercantum di desa.yaml. Periksa kodenya, atau tambahkan desanya.")
_c("BUR-R003", "{desa} adalah kode kelurahan: kelurahan bukan peserta Bursa Inovasi Desa.",
   "Kode wilayah dengan angka pertama bagian desa 1 (PP.KK.CC.1NNN) adalah kelurahan. Kelurahan "
   "tidak memiliki APBDes, sehingga tidak dapat berkomitmen.")
_c("BUR-R004", "OPD '{opd}' tidak ada di opd.yaml.",
   "Id OPD ini tidak tercantum di opd.yaml. Periksa ejaannya, atau tambahkan OPD-nya.")
_c("BUR-R005", "Ruang '{ruang}' tidak ada di acara.yaml.",
   "Kode ruang ini tidak tercantum di acara.yaml bagian tempat.ruang.")
_c("BUR-R006", "Meja '{meja}' tidak ada di ruang bursa mana pun.",
   "Kode meja ini tidak tercantum di `meja` ruang bursa mana pun di acara.yaml.")
_c("BUR-R007", "Meja {meja} ada di ruang {ada}, bukan di ruang {ruang}.",
   "Meja dan ruang yang disebut tidak cocok: meja itu berdiri di ruang lain.")
_c("BUR-R008", "Kecamatan {kode} ({nama}) bukan bagian dari {kabupaten} ({kode_kabupaten}).",
   "Kode kecamatan diawali kode kabupatennya (PP.KK.CC). Kecamatan ini milik kabupaten lain.")
_c("BUR-R009", "{nama} ({kode}) adalah kelurahan: kelurahan tidak memiliki APBDes sehingga bukan "
   "peserta Bursa Inovasi Desa.",
   "Desa dengan kode PP.KK.CC.1NNN adalah kelurahan dan tidak ikut Bursa Inovasi Desa.")
_c("BUR-R010", "Desa {nama} ({kode}) berada di kecamatan {kecamatan}, yang tidak tercantum di acara.yaml "
   "(wilayah.kecamatan).",
   "Setiap desa berada di salah satu kecamatan acara. Tambahkan kecamatannya, atau periksa kode desanya.")
_c("BUR-R011", "Kode ruang {ruang} dipakai dua kali; kode ruang harus unik.",
   "Dua ruang memakai kode yang sama, sehingga inovasi dan meja tidak dapat ditempatkan dengan pasti.")
_c("BUR-R012", "Meja {meja} tercantum di ruang {ruang_lain} dan {ruang}; kode meja harus unik.",
   "Setiap kode meja berdiri di satu ruang saja.")
_c("BUR-R013", "Ruang {ruang} berjenis {jenis}; meja konsultasi dan bidang hanya untuk ruang bursa.",
   "Meja konsultasi dan bidang hanya ada di ruang berjenis bursa (Jendela 2).")
_c("BUR-R014", "P2KTD '{p2ktd}' tidak ada di p2ktd.yaml.",
   "Id P2KTD ini tidak tercantum di p2ktd.yaml.")
_c("BUR-R015", "Ruang {ruang} bukan ruang bursa.",
   "Inovasi dipamerkan di ruang bursa (Jendela 2): `ruang` harus menunjuk ruang berjenis bursa.")
_c("BUR-R016", "Inovasi bidang {bidang} ditempatkan di {ruang}, yang menampung bidang {bidang_ruang}.",
   "Ruang bursa ini disiapkan untuk bidang lain. Pindahkan inovasinya, atau tambahkan bidangnya "
   "ke ruang itu.", WARNING)
_c("BUR-R017", "Berkas lambang '{logo}' tidak ada di folder acara.",
   "penyelenggara.logo menunjuk berkas yang tidak ada. Kop surat undangan dan SK memerlukan "
   "lambang daerah, jadi `cetak undangan` dan `cetak sk` menolak sampai berkasnya ada.")
_c("BUR-R018", "Berkas lambang '{logo}' berada di luar folder acara; salin ke folder aset/.",
   "Setiap berkas yang disebut acara harus ada di dalam folder acara, agar folder itu lengkap "
   "saat dipindah ke laptop lain dan tidak membaca berkas lain di laptop.")

# --------------------------------------------------------------------------- BUR-H log hari-H

_c("BUR-H001", "Id {peserta} sudah dipakai di peserta.yaml; peserta tanpa undangan perlu id baru.",
   "Peserta tanpa undangan mendapat id baru (mis. nomor kartu cadangan TAMU-001). Id ini sudah "
   "dimiliki peserta yang diundang.")
_c("BUR-H002", "Peserta '{peserta}' tidak ada{di}.",
   "Entri log menyebut peserta yang tidak tercantum di peserta.yaml dan tidak didaftarkan sebagai "
   "peserta tanpa undangan.")
_c("BUR-H003", "Peserta {peserta} sudah registrasi sebelumnya ({berkas} baris {baris}).",
   "Peserta yang sama tercatat registrasi dua kali. Hanya yang pertama yang dihitung.", WARNING)
_c("BUR-H004", "Inovasi '{inovasi}' tidak ada{di}.",
   "Entri menyebut id inovasi yang tidak tercantum di inovasi.yaml.")
_c("BUR-H005", "Meja {meja} tidak melayani inovasi {inovasi} ({judul}); inovasi itu ada di meja {meja_inovasi}.",
   "Stempel hanya sah dari meja yang melayani inovasinya (inovasi.yaml: meja).")
_c("BUR-H006", "Stempel meja {meja} tercatat di log meja {meja_log}.",
   "Setiap meja menulis lognya sendiri; entri ini tercatat di log meja lain.", WARNING)
_c("BUR-H007", "Konsultan '{konsultan}' tidak ada di panitia.yaml.",
   "Konsultan yang menstempel harus anggota TIK di panitia.yaml.")
_c("BUR-H008", "Konsultan {nama} tidak ditugaskan di meja {meja}.",
   "Konsultan menstempel di meja yang bukan tugasnya (panitia.yaml: meja).", WARNING)
_c("BUR-H009", "Kartu cadangan {peserta} didaftarkan untuk dua orang: {nama} di sini dan {nama_lain} "
   "({berkas} baris {baris}). Satu kartu hanya untuk satu orang.",
   "Nomor kartu cadangan menjadi id peserta. Bila dua orang berbeda didaftarkan dengan nomor yang "
   "sama, stempel, nilai dan ide keduanya bercampur. Beri salah satunya kartu cadangan lain dan "
   "perbaiki entrinya.")

# --------------------------------------------------------------------------- BUR-K Kartu Komitmen

_c("BUR-K001", "Kartu Komitmen Desa {desa} sudah dicatat di {berkas} baris {baris}; yang terakhir yang "
   "dipakai.", "Satu desa menyerahkan lebih dari satu Kartu Komitmen; kartu terakhir yang berlaku.",
   WARNING)
_c("BUR-K002", "Kartu Komitmen Desa {desa} belum ditandatangani {siapa}; komitmen sah bila "
   "ditandatangani keduanya.",
   "Kartu Komitmen sah bila ditandatangani Kepala Desa dan Ketua BPD. Sertifikat tidak dicetak "
   "untuk kartu yang belum lengkap tanda tangannya.")
_c("BUR-K003", "Tahun APBDes {tahun} berbeda dengan tahun APBDes yang ditetapkan acara ({tahun_acara}, "
   "acara.yaml: tahun_apbdes).",
   "Komitmen dianggarkan di APBDes tahun yang ditetapkan acara (acara.yaml: tahun_apbdes).", WARNING)
_c("BUR-K004", "Inovasi '{inovasi}' tidak ada di inovasi.yaml.",
   "Kartu Komitmen menyebut id inovasi yang tidak tercantum di inovasi.yaml.")
_c("BUR-K005", "Desa {desa} berkomitmen pada {inovasi} ({judul}) tanpa stempel konsultasi dari meja mana "
   "pun; tulis alasannya di 'alasan' bila memang disetujui.",
   "Komitmen diawali konsultasi di meja. Bila desa berkomitmen tanpa stempel, tulis alasannya.")
_c("BUR-K006", "'alasan' menyebut {inovasi}, yang tidak ada di daftar inovasi kartu ini.",
   "Alasan hanya untuk inovasi yang ada di kartu yang sama.", WARNING)

# --------------------------------------------------------------------------- BUR-D peran di desa

_c("BUR-D001", "Desa {desa} belum punya peserta berperan {peran}; namanya dikosongkan di Kartu Komitmen.",
   "Setiap desa diwakili satu Kepala Desa dan satu Ketua BPD, yang bersama-sama menandatangani "
   "Kartu Komitmen. Nama mereka dicetak di Kartu Komitmen (dan nama Kepala Desa di sertifikat).",
   WARNING)
_c("BUR-D002", "Desa {desa} punya {jumlah} peserta berperan {peran}: {nama}. Seharusnya satu.",
   "Satu desa hanya punya satu Kepala Desa dan satu Ketua BPD. Bila ada dua, Kartu Komitmen dan "
   "sertifikat tidak tahu nama mana yang dicetak. Ubah peran salah satunya (mis. perangkat-desa).")

# --------------------------------------------------------------------------- BUR-T tahapan

_c("BUR-T001", "Tahapan belum lengkap; yang belum ada: {kode}.",
   "tahapan.yaml memuat sepuluh tahapan persiapan, masing-masing sekali.")
_c("BUR-T002", "Urutan tahapan keliru: di sini seharusnya '{kode}'.",
   "Tahapan ditulis dalam urutan persiapan, dari konsultasi agenda sampai gladi bersih.")
_c("BUR-T003", "Tanggal tahap {tahap} ({tanggal}) lebih awal dari tahap sebelumnya, {sebelumnya} ({tanggal_sebelumnya}).",
   "Tahapan persiapan berjalan berurutan: SK dibuat setelah rapat pembukaan, dan seterusnya. Tanggal "
   "yang mundur biasanya salah ketik.")
_c("BUR-T004", "Tanggal tahap {tahap} ({tanggal}) jatuh setelah hari acara ({hari_acara}).",
   "Semua tahapan persiapan terjadi sebelum hari acara.")
_c("BUR-T010", "Rincian rapat (rapat: tanggal, mulai, tempat, acara, penerima) belum diisi; undangan tidak "
   "dapat dibuat.", "Tahap yang berupa rapat memerlukan rincian rapat untuk undangan dan daftar hadirnya.")
_c("BUR-T011", "Rapat ini seharusnya mengundang '{kelompok}'.",
   "Setiap rapat persiapan mengundang kelompok tertentu (mis. rapat pembukaan mengundang OPD).")
_c("BUR-T012", "Tanggal rapat jatuh setelah hari acara.", "Rapat persiapan diadakan sebelum hari acara.")
_c("BUR-T013", "Bidang pelaksana yang ditugasi Kepala Dinas belum diisi.",
   "Konsultasi agenda menetapkan bidang yang menjalankan acara (penyelenggara.bidang_pelaksana).")
_c("BUR-T014", "Belum ada OPD yang ditetapkan ikut serta (opd.yaml kosong).",
   "Kepala Dinas menetapkan OPD yang ikut; daftarnya di opd.yaml.")
_c("BUR-T015", "Belum ada ruang pleno (Jendela 1).", "Tempat acara memerlukan ruang berjenis pleno.")
_c("BUR-T016", "Belum ada anggota {tim} di panitia.yaml.", "SK membentuk TIK dan Panitia; isi anggotanya.")
_c("BUR-T017", "{tim} belum memiliki Ketua (kedudukan: Ketua).", "Setiap tim dalam SK punya Ketua.")
_c("BUR-T020", "{nama}: pangkat belum diisi.", "Anggota ASN dicantumkan dengan pangkatnya.")
_c("BUR-T022", "Belum ada inovasi di inovasi.yaml.", "Rapat sortir memilah inovasi dari inovasi.yaml.")
_c("BUR-T023", "{id} ({judul}) belum diputuskan dalam rapat sortir.",
   "Setiap inovasi dipertahankan atau digugurkan dalam rapat sortir (sortir.keputusan).")
_c("BUR-T024", "{id}: OPD yang memutuskan belum diisi.",
   "Keputusan sortir mencatat OPD yang memutuskannya (sortir.opd).")
_c("BUR-T025", "Tidak ada inovasi yang dipertahankan.", "Menu inovasi hari-H berisi inovasi yang dipertahankan.")
_c("BUR-T026", "{id} ({judul}) belum ditempatkan di ruang bursa.", "Inovasi terpilih dipamerkan di ruang bursa.")
_c("BUR-T027", "{id} ({judul}) belum punya meja konsultasi.", "Inovasi terpilih dilayani di satu meja konsultasi.")
_c("BUR-T028", "Meja {meja} belum dijaga konsultan TIK (panitia.yaml: meja: {meja}).",
   "Setiap meja konsultasi dijaga anggota TIK.")
_c("BUR-T029", "Meja {meja} tidak melayani inovasi mana pun.", "Meja tanpa inovasi tidak dapat menstempel.")
_c("BUR-T030", "Ruang untuk {ruang} belum ditentukan.", "Survei lokasi menetapkan ruang setiap Jendela.")
_c("BUR-T031", "{ruang} hanya muat {kapasitas} orang, padahal {hadir} peserta sudah konfirmasi hadir.",
   "Ruang pleno menampung semua peserta yang hadir.")
_c("BUR-T032", "Ruang bursa bersama-sama hanya muat {kapasitas} orang untuk {hadir} peserta.",
   "Ruang bursa bersama-sama menampung semua peserta yang hadir.")
_c("BUR-T033", "{materi} hanya {ada}, padahal ada {perlu} {satuan}.", "Bahan Bursa Kit cukup untuk semua.")
_c("BUR-T034", "Isi Bursa Kit belum ditentukan.", "acara.yaml: bursa_kit mendaftar isi Bursa Kit.")
_c("BUR-T035", "Susunan acara belum diisi.", "acara.yaml: susunan_acara untuk pleno hari-H.")
_c("BUR-T036", "{jumlah} peserta belum konfirmasi kehadiran (yang pertama: {nama}).",
   "Konfirmasi undangan menentukan Kartu ID dan tempat duduk.")
_c("BUR-T037", "Gladi bersih seharusnya sehari sebelum acara (H-1).", "Gladi bersih diadakan H-1.")
_c("BUR-T060", "Tempat penulisan surat (wilayah.ibu_kota) masih berisi isian '{nilai}'; tulis nama ibu kota "
   "{wilayah} sebelum {dokumen} dicetak.",
   "`bursa init` tidak menebak ibu kota kabupaten dari namanya (ibu kota Kabupaten Manggarai adalah Ruteng, "
   "Kabupaten Kupang adalah Oelamasi), jadi menuliskan isian \"(isi ...)\". Nama itu dicetak di undangan "
   "(\"Ruteng, 12 Maret 2026\") dan di SK (\"Ditetapkan di\"). Untuk kota, nama kotanya sendiri sudah diisi.")
_c("BUR-T090", "Kunci sertifikat ({berkas}) belum ada: sertifikat dan halaman verifikasinya tidak dapat dicetak, "
   "juga di Jendela 3 pada hari-H.",
   "Kunci dibuat sekali untuk seluruh acara oleh `bursa init`. Untuk acara yang sudah ada, buat dengan "
   "`bursa kunci-sertifikat buat FOLDER` di satu laptop, commit ke git, lalu tarik (pull) di laptop induk.")
_c("BUR-T091", "Berkas {berkas} rusak: tidak berisi kunci yang sah; sertifikat tidak dapat dicetak.",
   "Pulihkan berkas itu dari git (`git checkout -- kunci-sertifikat.txt`); jangan membuat kunci baru, "
   "karena kode pada sertifikat yang sudah dicetak hanya dikenali dengan kunci yang sama.")
_c("BUR-T100", "acara.yaml belum sah; hari-H tidak dapat dimulai.",
   "Meja hari-H tetap bekerja walau berkas lain bermasalah (hari-H harus berjalan), tetapi acara.yaml "
   "memuat tanggal, tempat dan ruang yang dipakai setiap meja; tanpa acara.yaml yang sah meja tidak dibuka.",
   hint="Jalankan `bursa validasi` dan perbaiki galat di acara.yaml.")
_c("BUR-T101", "Rekap tidak dibuat: data yang dihitung masih bermasalah.",
   "Rekap menghitung peserta, desa, inovasi dan log hari-H; galat di berkas-berkas itu membuat angkanya salah, "
   "jadi rekap menolak sampai galatnya diperbaiki. Masalah di berkas lain (tahapan, panitia, OPD) tidak menghalangi.",
   hint="Perbaiki dulu (lihat `bursa validasi`; log yang terpotong dipulihkan dengan `bursa perbaiki`).")
_c("BUR-T102", "Data acara masih bermasalah; perbaiki dulu berkas berikut.",
   "Impor menambah butir ke berkas acara; butir yang gagal dibaca dianggap tidak ada, sehingga impor akan "
   "menambahkannya dua kali. Karena itu impor menolak selama berkas yang dibacanya memuat galat.",
   hint="Jalankan `bursa validasi` untuk melihat semua masalahnya.")
_c("BUR-T103", "Rekap tindak lanjut tidak dibuat: data yang dihitung masih bermasalah.",
   "Rekap tindak lanjut menghitung komitmen desa dan langkah tindak lanjutnya; galat di log komitmen, log "
   "tindak lanjut atau pemeriksaan BUR-F membuat hitungannya salah, jadi rekap menolak.",
   hint="Perbaiki dulu (lihat `bursa validasi`).")
_c("BUR-T104", "Data untuk surat tindak lanjut belum lengkap; belum ada surat yang dicetak.",
   "Surat tindak lanjut kepada Camat memuat komitmen desa dan nomor surat dari register; galat di berkas "
   "yang dibacanya menghentikan pencetakan sebelum satu surat pun ditulis.",
   hint="Jalankan `bursa validasi`, lengkapi data di atas lalu jalankan lagi.")
_c("BUR-T105", "Tahap '{tahap}' tidak dikenal.",
   "`bursa validasi --tahap` menerima salah satu dari sepuluh kode tahapan persiapan (lihat saran). Kode "
   "yang ditulis bukan salah satunya.",
   hint="Tahap yang ada: {daftar}.")
_c("BUR-T106", "git tidak ditemukan; --pra-commit memeriksa isi indeks git.",
   "`bursa validasi --pra-commit` memeriksa berkas yang akan di-commit (indeks git), bukan berkas di folder. "
   "Untuk itu program git harus terpasang dan dapat dijalankan.")
_c("BUR-T107", "'{folder}' bukan bagian dari repositori git ({alasan}).",
   "`--pra-commit` membaca berkas dari indeks git, jadi folder acara harus berada di dalam repositori git. "
   "Tanpa git, jalankan `bursa validasi` biasa.",
   hint="--pra-commit dipakai oleh pre-commit hook di dalam repositori git.")
_c("BUR-T108", "acara.yaml belum dapat dibaca; perbaiki dulu masalah berikut.",
   "Ringkasan `bursa status` dihitung dari tanggal dan tahapan di acara.yaml. Berkas itu memuat galat "
   "sehingga tidak ada ringkasan; masalahnya ditampilkan dengan baris dan kolomnya.")

# --------------------------------------------------------------------------- BUR-C syarat cetak

_c("BUR-C001", "{siapa} belum diisi; blok tanda tangan {dokumen} tidak dapat dibuat.",
   "Dokumen resmi ditandatangani pejabat: isi nama dan jabatannya di acara.yaml.")
_c("BUR-C002", "NIP {siapa} belum diisi (dicetak di bawah nama penanda tangan {dokumen}).",
   "Blok tanda tangan pejabat ASN memuat NIP. Tanpa NIP, dokumen yang ditandatanganinya tidak dicetak: "
   "undangan, dan SK serta sertifikat bila Kepala Dinas yang menandatanganinya.")
_c("BUR-C003", "Pangkat {siapa} belum diisi (mis. Pembina Tingkat I); dicetak di {dokumen}.",
   "Blok tanda tangan pejabat ASN memuat pangkat/golongan.")
_c("BUR-C004", "{siapa} berstatus an (atas nama): isi atas_nama, jabatan yang diwakili, mis. KEPALA DINAS ...",
   "Penanda tangan a.n. menulis jabatan yang diwakilinya.")
_c("BUR-C005", "Mengingat memakai daftar bawaan; sesuaikan (dan lengkapi nomor peraturan daerahnya) di "
   "acara.yaml bagian sk.mengingat.",
   "Tanpa sk.mengingat, SK memakai daftar dasar hukum bawaan. Daftar itu umum; peraturan daerah "
   "tentang organisasi Dinas perlu ditulis sendiri. Ini catatan, bukan masalah: daftar bawaan boleh "
   "dipakai dengan sengaja.", NOTE)
_c("BUR-C006", "Desa {desa} belum punya peserta berperan kepala-desa; nama Kepala Desa untuk sertifikat "
   "tidak diketahui.",
   "Sertifikat ditulis atas nama Kepala Desa. Tambahkan peserta desanya dengan peran kepala-desa.")
_c("BUR-C007", "{nama}: NIP belum diisi (wajib di lampiran SK; untuk non-ASN isi 'instansi').",
   "Lampiran SK mencantumkan NIP setiap anggota TIK dan Panitia yang ASN, ketua tim juga; untuk "
   "anggota non-ASN isi instansinya. Tanpa itu `cetak sk` menolak.")
_c("BUR-C008", "panitia.yaml belum berisi anggota TIK atau Panitia; lampiran SK akan kosong.",
   "Lampiran SK memuat anggota TIK dan Panitia dari panitia.yaml.")

_c("BUR-C009", "Jabatan {nama} ({id}) belum diisi; lampiran SK memuat Nama/Jabatan.",
   "Lampiran SK memuat Nama/Jabatan setiap anggota; untuk anggota non-ASN isi instansinya.")

_c("BUR-C010", "SK dan sertifikat ditandatangani Bupati (dokumen.penanda_tangan_sk: bupati), tetapi data "
   "bupati belum diisi (nama, jabatan) di acara.yaml.",
   "Bila Bupati yang menandatangani SK dan sertifikat, isi blok `bupati:` (nama, jabatan) di acara.yaml, "
   "atau kembalikan penanda_tangan_sk ke kepala_dinas.")

_c("BUR-C011", "Susunan acara belum diisi di acara.yaml (bagian susunan_acara).",
   "`cetak susunan-acara` mencetak acara pleno hari-H dari acara.yaml bagian susunan_acara.")
_c("BUR-C012", "Belum ada desa di desa.yaml: Kartu Komitmen dibuat satu per desa.",
   "Kartu Komitmen dicetak satu per desa peserta; isi desa.yaml (mis. dengan `bursa init --wilayah`).")
_c("BUR-C013", "Belum ada ruang bursa (jenis: bursa) untuk kotak stempel konsultasi di Kartu Komitmen.",
   "Kartu Komitmen memuat satu kotak stempel per meja konsultasi di ruang bursa.")
_c("BUR-C014", "Belum ada inovasi yang dipertahankan (sortir.keputusan: dipertahankan): tidak ada poster atau "
   "katalog yang dapat dicetak.", "Poster dan katalog memuat inovasi yang dipertahankan di rapat sortir.")
_c("BUR-C015", "Tidak ada peserta yang akan hadir (konfirmasi bukan \"tidak\") untuk dibuatkan Kartu ID.",
   "Kartu ID dicetak untuk setiap peserta di peserta.yaml yang konfirmasinya bukan \"tidak\".")
_c("BUR-C016", "materi.kartu_id ({jumlah}) tidak menyisakan Kartu ID cadangan: {peserta} kartu untuk peserta di "
   "peserta.yaml. Naikkan jumlahnya.",
   "Kartu ID cadangan (TAMU-001 dst.) adalah sisa materi.kartu_id sesudah kartu peserta yang diundang.")
_c("BUR-C017", "Mengingat butir {butir} belum lengkap: tulis {kurang}.",
   "Dasar hukum di SK dikutip lengkap: jenis, nomor, tahun dan judul peraturan, Lembaran atau Berita "
   "Negara/Daerah, dan untuk peraturan yang telah beberapa kali diubah, perubahan terakhirnya. SK "
   "ditandatangani seperti tercetak, jadi bagian yang kurang dilengkapi sebelum dicetak.", WARNING)
_c("BUR-C018", "Susunan acara kosong dari {dari} sampai {sampai} (sebelum mata acara nomor {no}); isi atau "
   "geser jamnya.",
   "Setiap menit hari-H dari mata acara pertama sampai penutupan diisi suatu mata acara; waktu yang tidak "
   "terisi membuat peserta menunggu tanpa kejelasan.", WARNING)
_c("BUR-C019", "Mata acara nomor {no} memakai ruang {ruang} bersamaan dengan mata acara nomor {lain}.",
   "Mata acara di ruang berbeda boleh berlangsung bersamaan (ditandai 'bersamaan' di susunan acara); di "
   "ruang yang sama jamnya bertabrakan.", WARNING)

_c("BUR-C020", "Pola nomor surat '{pola}' tidak dapat dipakai: {rincian}.",
   "penomoran.pola menyusun nomor setiap undangan dan SK dari isian {klasifikasi} {urut} {unit} {bulan} "
   "{bulan_romawi} {tahun}, mis. `{klasifikasi}/{urut}/{unit}/{tahun}`. Pola yang tidak dapat diisi, atau "
   "tanpa {urut}, membuat nomor surat tidak dapat diterbitkan; `cetak undangan` dan `cetak sk` menolak.")
_c("BUR-C021", "Rapat {rapat} tidak punya penerima undangan: kelompok {kelompok} belum berisi siapa pun; isi "
   "rapat.penerima atau datanya.",
   "Undangan dan daftar hadir sebuah rapat dibuat untuk kelompok di rapat.penerima (opd, tik, panitia, "
   "kepala-desa, ...). Bila kelompok itu belum berisi orang (mis. tik sebelum panitia.yaml diisi), tidak ada "
   "surat yang dapat dibuat; `cetak undangan` dan `cetak daftar-hadir` menolak.")
_c("BUR-C022", "Tidak ada peserta yang akan hadir (konfirmasi bukan \"tidak\") untuk daftar hadir hari-H.",
   "Daftar hadir hari-H memuat setiap peserta di peserta.yaml yang konfirmasinya bukan \"tidak\", per "
   "kecamatan dan desa.")
_c("BUR-C023", "Inovasi {id} \"{judul}\" belum punya ruang bursa: isi ruang (kode ruang bursa) atau meja.",
   "Poster dan katalog menyebut ruang, stan dan meja setiap inovasi. Ruangnya diambil dari `ruang`, dari "
   "ruang mejanya, atau dari satu-satunya ruang bursa yang menampung bidangnya; bila tidak satu pun, "
   "`cetak poster` dan `cetak katalog` menolak.")
_c("BUR-C024", "Belum ada Kartu Komitmen bertanda tangan lengkap yang tercatat, jadi belum ada sertifikat "
   "untuk diverifikasi.",
   "Halaman verifikasi memuat kode sertifikat yang sudah terbit, dan sertifikat dibuat dari Kartu Komitmen "
   "yang dicatat di Jendela 3 pada hari-H (`bursa komitmen`), ditandatangani Kepala Desa dan Ketua BPD. `bursa validasi` mencatatnya sejak log "
   "hari-H pertama ada (tidak dihitung sebagai masalah); `cetak halaman-verifikasi` menolak sampai kartu "
   "pertama tercatat.")
_c("BUR-C080", "Kop surat tanpa lambang daerah: isi penyelenggara.logo (mis. aset/logo.png), atau tulis "
   "dokumen.kop_tanpa_lambang: true bila kop dinas ini memang tanpa lambang.",
   "Kop surat dinas memuat lambang daerah di kiri, di atas nama pemerintah daerah dan dinas. Surat dan SK "
   "tanpa lambang tidak diterima sebagai naskah dinas, jadi `cetak undangan` dan `cetak sk` menolak sampai "
   "lambangnya diisi. Bila kop daerah Anda memang tanpa lambang, nyatakan dengan `dokumen: {kop_tanpa_lambang: true}`.")
_c("BUR-C081", "dokumen.alamat_verifikasi belum diisi: QR sertifikat hanya berisi kodenya, dan sertifikat menyebut "
   "`bursa verifikasi KODE` serta halaman verifikasi dari dinas sebagai cara memeriksanya.",
   "Dengan alamat web halaman verifikasi (`cetak halaman-verifikasi`, diunggah ke situs dinas), QR "
   "sertifikat membuka halaman itu langsung dan sertifikat menulis \"Periksa keaslian di ...\". Tanpa alamat, "
   "QR hanya memuat kode; isi alamatnya sebelum `cetak sertifikat` bila halaman akan diterbitkan.", WARNING)
_c("BUR-C082", "Nama '{nama}' tidak muat di Kartu ID {ukuran} (bahkan 3 baris huruf {ukuran_huruf} pt); "
   "singkat gelar atau nama tengahnya di peserta.yaml.",
   "Nama di Kartu ID dikecilkan sampai batas terbaca (8 pt untuk ID-1) dan dipecah menjadi dua, lalu tiga "
   "baris; nama yang masih tidak muat akan terpotong di kartu, jadi `cetak kartu-id` menolak. Tulis gelar "
   "yang tidak perlu di kartu lebih ringkas, atau singkat nama tengahnya.")
_c("BUR-C100", "Data untuk mencetak {jenis} belum lengkap; belum ada berkas yang ditulis.",
   "Sebelum mencetak, `bursa cetak` memeriksa syarat dokumen itu (penanda tangan, kop, nomor surat, dan "
   "lainnya) seperti `bursa validasi`. Selama ada syarat yang belum terpenuhi tidak ada berkas yang ditulis.",
   hint="Jalankan `bursa validasi`, lengkapi data di atas lalu jalankan lagi.")
_c("BUR-C101", "Data untuk sertifikat belum lengkap; belum ada sertifikat yang dicetak.",
   "Sertifikat dicetak dari Kartu Komitmen di log hari-H dan data desa, peserta dan inovasi; galat di "
   "berkas-berkas itu atau syarat sertifikat yang belum terpenuhi menghentikan pencetakan sebelum "
   "sertifikat pertama ditulis.",
   hint="Lengkapi data di atas lalu jalankan lagi.")
_c("BUR-C102", "Data acara masih bermasalah, jadi dokumen tidak dicetak.",
   "Dokumen ini membaca seluruh folder acara, dan ada berkas yang gagal dibaca atau tidak sesuai skema. "
   "Perbaiki galatnya dulu; dokumen dicetak setelah semua berkas sah.",
   hint="Jalankan `bursa validasi`, lengkapi data di atas lalu jalankan lagi.")
_c("BUR-C103", "Data untuk mencetak {jenis} belum lengkap; belum ada berkas yang ditulis.",
   "Saat menyusun dokumen, ditemukan data yang kurang untuk dokumen itu (di luar yang diperiksa `bursa "
   "validasi`), mis. nama yang tidak muat di kartu. Masalahnya ditampilkan dengan berkas dan barisnya; "
   "tidak ada berkas yang ditulis.",
   hint="Lengkapi data di atas lalu jalankan lagi.")
_c("BUR-C104", "{berkas} sudah ada; kunci tidak pernah ditimpa.",
   "`bursa kunci-sertifikat buat` membuat kunci sekali untuk seluruh acara. Kunci yang sudah ada tidak "
   "pernah diganti, karena kode pada sertifikat yang sudah dicetak dihitung dengan kunci itu.",
   hint="Kode pada sertifikat yang sudah dicetak hanya dikenali dengan kunci yang sama. Bila laptop lain "
        "membuat kunci sendiri, pakai kunci yang ada di git.")
_c("BUR-C105", "Kunci sertifikat ({berkas}) belum ada di folder acara.",
   "Kode verifikasi sertifikat dihitung dengan kunci rahasia acara (kunci-sertifikat.txt). Perintah ini "
   "tidak membuat kunci sendiri agar dua laptop tidak memakai kunci yang berbeda. Buat kunci di satu laptop "
   "dan bagikan lewat git.",
   hint="Kunci dibuat sekali untuk seluruh acara oleh `bursa init`; untuk acara yang sudah ada, buat "
        "dengan `bursa kunci-sertifikat buat FOLDER` di satu laptop, commit ke git dan tarik (pull) di "
        "laptop lain sebelum `bursa cetak sertifikat`.")
_c("BUR-C106", "Berkas {berkas} rusak: tidak berisi kunci yang sah.",
   "Berkas kunci sertifikat harus berisi satu kunci yang dibuat `bursa`. Jangan membuat kunci baru: kode "
   "pada sertifikat yang sudah dicetak hanya dikenali dengan kunci yang sama. Pulihkan berkasnya dari git.",
   hint="Pulihkan berkas itu dari git (`git checkout -- kunci-sertifikat.txt`).")
_c("BUR-C107", "{jumlah} Kartu Komitmen belum ditandatangani lengkap; belum ada sertifikat yang dicetak.",
   "Kartu Komitmen mengikat desa hanya bila Kepala Desa dan Ketua BPD sama-sama menandatanganinya, jadi "
   "sertifikatnya menunggu kartu yang lengkap. Mencetak sertifikat desa lainnya saja adalah pilihan yang "
   "disengaja (`--lewati-belum-lengkap`).",
   hint="Catat kartu yang sudah ditandatangani keduanya di Jendela 3 (`bursa komitmen --ulang`), atau cetak "
        "sertifikat desa lainnya saja dengan {pilihan}.")
_c("BUR-C108", "Desa '{desa}' tidak ada di desa.yaml.",
   "Pilihan `--desa` memilih desa dari desa.yaml, dengan kode desanya (mis. 33.23.01.2001) atau namanya. "
   "Desa yang ditulis tidak ditemukan; periksa ejaannya.",
   hint="Tulis kode desa atau namanya.")
_c("BUR-C109", "Ada {jumlah} desa bernama '{desa}': {daftar}.",
   "Beberapa desa di kabupaten yang sama dapat bernama sama di kecamatan yang berbeda. Nama saja tidak cukup "
   "untuk memilih satu; tulis kode desanya.",
   hint="Tulis kode desanya.")
_c("BUR-C110", "Desa '{desa}' belum menyerahkan Kartu Komitmen, jadi belum ada sertifikatnya.",
   "Sertifikat komitmen dibuat dari Kartu Komitmen yang dicatat di Jendela 3 pada hari-H. Desa ini belum "
   "punya kartu yang tercatat, jadi tidak ada sertifikat untuk dicetak.")
_c("BUR-C111", "Gambar lambang {berkas} rusak atau bukan gambar, jadi DOCX tidak dibuat.",
   "Versi DOCX (SK, surat) memuat lambang daerah di kopnya. Berkas lambang tidak dapat dibaca sebagai "
   "gambar; simpan ulang dari berkas aslinya sebagai PNG.",
   hint="Simpan ulang lambangnya sebagai PNG dari berkas aslinya, lalu ulangi perintah.")
_c("BUR-C112", "Templat {templat} menunjuk ke berkas di luar folder acara (tautan/symlink); templat itu tidak "
   "dipakai dan tidak ada yang dicetak.",
   "Templat acara hanya boleh berupa berkas di dalam folder acara. Tautan ke luar folder dapat membaca "
   "berkas lain di laptop, jadi ditolak.",
   hint="Ganti tautan itu dengan berkas templat biasa di dalam templates/ acara.")
_c("BUR-C113", "Dokumen meminta alamat '{alamat}'. Dokumen hanya boleh memakai berkas di dalam folder acara "
   "(mis. aset/logo.png); unduh berkasnya ke folder acara.",
   "Dokumen dibuat tanpa internet dan hanya dari berkas di folder acara, agar hasilnya sama di setiap laptop "
   "dan tidak ada data yang bocor. Templat meminta alamat web; unduh berkasnya ke folder acara dan rujuk "
   "berkas itu.")
_c("BUR-C114", "Berkas '{berkas}' yang dipakai dokumen tidak ditemukan di folder acara.",
   "Templat atau data acara merujuk berkas (mis. lambang, foto) yang tidak ada. Periksa nama dan letaknya di "
   "folder acara.")
_c("BUR-C115", "Dokumen meminta berkas '{berkas}' di luar folder acara. Hanya berkas di dalam folder acara "
   "yang boleh dipakai; salin berkasnya ke folder acara (mis. aset/).",
   "Dokumen hanya boleh membaca berkas di dalam folder acara dan aset bawaan bursa, agar templat tidak dapat "
   "membaca berkas lain di laptop. Salin berkasnya ke folder acara.")
_c("BUR-C116", "'{berkas}' bukan berkas yang dapat dipakai dokumen.",
   "Rujukan di templat atau data acara menunjuk folder atau sesuatu yang bukan berkas biasa.")
_c("BUR-C117", "--keluaran hanya dapat dipakai untuk dokumen yang menjadi satu berkas.",
   "Dokumen ini menghasilkan beberapa berkas (mis. satu surat per penerima), jadi tidak dapat ditulis ke "
   "satu nama berkas. Tanpa `--keluaran` berkasnya ditulis ke keluaran/.")
_c("BUR-C118", "Jenis dokumen '{jenis}' tidak dikenal. Yang tersedia: {daftar}.",
   "`bursa cetak` mengenal dokumen yang terdaftar (lihat `bursa cetak --help`).")
_c("BUR-C119", "--contoh harus paling sedikit 1.",
   "`--contoh N` mencetak N butir pertama saja sebagai contoh; N paling sedikit 1.")
_c("BUR-C120", "--proses harus paling sedikit 1.",
   "`--proses N` menentukan jumlah proses paralel untuk dokumen panjang; N paling sedikit 1.")
_c("BUR-C121", "{berkas} sedang dipakai proses lain; coba lagi sebentar lagi.",
   "Register nomor surat dikunci selama satu perintah mencetak surat, agar dua perintah tidak memberi nomor "
   "yang sama. Tunggu perintah lain selesai lalu ulangi.")
_c("BUR-C122", "Pustaka sistem untuk membuat PDF belum terpasang: {daftar} tidak dapat dimuat. bursa memakai "
   "WeasyPrint, yang membutuhkan Pango (bagian dari GTK) untuk menata huruf.",
   "PDF dibuat oleh WeasyPrint, yang memakai pustaka Pango dari sistem operasi untuk menata huruf. Pustaka "
   "itu belum terpasang di laptop ini; pasang dengan perintah di saran.",
   hint="Pasang dulu, lalu ulangi perintah ini:\n{perintah}\nPerintah tanpa PDF (validasi, status, layani, "
   'rekap ke layar/xlsx/csv/json) tetap dapat dipakai. Lihat bagian "Memasang di Windows" di README untuk '
        "Windows.")
_c("BUR-C123", "Templat '{templat}' tidak ditemukan (di templates/ acara maupun bawaan).",
   "Templat dicari di folder templates/ acara lebih dulu, lalu di templat bawaan. Templat yang diminta (atau "
   "yang di-extend/include) tidak ada di keduanya.",
   hint="Lihat templat bawaan dengan `bursa templat daftar`.")
_c("BUR-C124", "Templat '{templat}' tidak dapat dicetak: {rincian}",
   "Templat memuat kesalahan Jinja (penulisan, nama isian yang tidak ada, atau hal yang tidak diizinkan "
   "sandbox). Letak dan rinciannya ditampilkan; perbaiki templatnya di templates/ acara.")
_c("BUR-C125", "--batch harus paling sedikit 1.",
   "`--batch N` mencetak sertifikat per N desa sekali jalan; N paling sedikit 1.")
_c("BUR-C126", "Belum ada Kartu Komitmen yang tercatat, jadi belum ada sertifikat untuk dicetak.",
   "Sertifikat komitmen dibuat per desa dari Kartu Komitmen yang dicatat pada hari-H. Log komitmen masih "
   "kosong.",
   hint="Kartu Komitmen dicatat di Jendela 3 dengan `bursa komitmen`.")
_c("BUR-C127", "Templat bawaan '{templat}' tidak ada.",
   "`bursa templat salin` menyalin salah satu templat bawaan ke templates/ acara; lihat namanya dengan "
   "`bursa templat daftar`.",
   hint="Templat yang ada: {daftar}")
_c("BUR-C128", "{berkas} sudah ada; tidak ditimpa.",
   "`bursa templat salin` tidak pernah menimpa templat acara yang sudah ada, agar ubahan Anda tidak hilang.",
   hint="Hapus atau ganti nama berkas itu dulu bila ingin menyalin ulang.")

# --------------------------------------------------------------------------- BUR-I impor

_c("BUR-I001", "{pesan}", "Baris sheet yang diimpor tidak mengisi kolom yang wajib (nama, jabatan, desa, judul, "
   "tim, ...). Isi selnya, atau tunjuk kolomnya dengan --kolom bila judulnya tidak dikenali.")
_c("BUR-I002", "{pesan}", "Isi sel tidak dapat dibaca sebagai nilai yang diminta kolomnya (jabatan, bidang, "
   "nomor HP, NIP, biaya, tanggal). Pesannya menyebut bentuk yang diharapkan.")
_c("BUR-I003", "{pesan}", "Sel menyebut desa, kecamatan, OPD, P2KTD, ruang atau meja yang tidak ada di data acara. "
   "Periksa ejaannya (ada saran bila mirip), atau tambahkan datanya lebih dulu.")
_c("BUR-I004", "{pesan}", "Orang, anggota atau inovasi yang sama muncul dua kali di sheet; baris kedua ditolak.")
_c("BUR-I005", "{pesan}", "Kolom ID berisi id yang tidak sah atau sudah dipakai. Kosongkan kolomnya agar bursa "
   "memberi id baru.")
_c("BUR-I006", "{pesan}", "Nomor HP yang sama dipakai dua orang. Itu lazim (HP suami-istri, HP kantor desa), jadi "
   "hanya peringatan; periksa bahwa nomornya tidak salah ketik.", WARNING)
_c("BUR-I007", "{pesan}", "Nama ditulis dengan huruf kapital semua dan akan tercetak begitu di kartu dan "
   "sertifikat. Usulannya menjaga gelar dan singkatan; terapkan dengan --rapikan-nama.", WARNING)
_c("BUR-I008", "{pesan}", "Desa ini sudah punya Kepala Desa atau Ketua BPD. Baris tetap diimpor, tetapi "
   "`bursa validasi` menolak desa dengan dua pemegang peran yang sama; ubah peran salah satunya.", WARNING)
_c("BUR-I009", "{pesan}", "Baris judul kolom tidak ditemukan, atau kolom kuncinya (Nama, Judul) tidak ada. "
   "Pastikan ada satu baris judul kolom, atau tunjuk kolomnya dengan --kolom.")
_c("BUR-I060", "{pesan}", "Nama diawali sapaan (Bpk., Bapak, Ibu, Sdr., Sdri.). Sapaan ditulis templat surat "
   "bila perlu, bukan bagian nama: tanpa dihapus ia tercetak di Kartu ID dan sertifikat (\"Bpk. Suparman\"). "
   "Tinjau usulannya, lalu terapkan dengan --rapikan-nama atau perbaiki di sheet.", WARNING)
_c("BUR-I100", "--cek dan --lewati-galat tidak dapat dipakai bersama; --cek tidak menulis apa pun.",
   "`--cek` hanya menampilkan apa yang akan diimpor tanpa menulis apa pun, sedangkan `--lewati-galat` "
   "menulis baris yang benar dan menyimpan baris yang ditolak. Pilih salah satu.")
_c("BUR-I101", "Hasil impor membuat data acara tidak sah; semua perubahan dibatalkan.",
   "Setelah menyusun perubahan, impor memeriksa ulang seluruh data acara sebelum menulis. Pemeriksaan itu "
   "menemukan galat, jadi tidak ada berkas yang diubah. Ini tanda kesalahan program: laporkan berkas yang "
   "diimpor.",
   hint="Ini seharusnya tidak terjadi; laporkan berkas yang diimpor kepada pengelola bursa.")
_c("BUR-I102", "{jumlah} baris di {berkas} bermasalah; tidak ada yang ditulis.",
   "Impor menulis semua baris atau tidak sama sekali. Ada baris yang ditolak (masalahnya ditampilkan per "
   "baris dan kolom), jadi berkas acara tidak diubah.",
   hint="Perbaiki barisnya lalu impor lagi, atau pakai --lewati-galat untuk mengimpor baris yang benar dan "
        "menyimpan baris yang ditolak ke berkas tersendiri.")
_c("BUR-I103", '--kolom \'{pasangan}\' tidak sah; tulis seperti --kolom telepon="Nomor WA".',
   "`--kolom` menunjuk judul kolom di sheet untuk satu isian: nama isian, tanda sama dengan, lalu judul "
   "kolomnya dalam tanda kutip.")
_c("BUR-I104", "--kolom: kolom '{isian}' tidak dikenal untuk {jenis}.",
   "Nama isian di kiri tanda sama dengan pada `--kolom` harus salah satu isian jenis data yang diimpor "
   "(lihat saran).",
   hint="Yang dikenal: {daftar}.")
_c("BUR-I105", "Baris judul kolom tidak ditemukan di {berkas}.",
   "Impor mencari baris judul kolom (mis. Nama, Jabatan, Desa) di baris-baris pertama sheet. Tidak ada baris "
   "yang memuat judul yang dikenal.",
   hint='Pastikan ada satu baris judul kolom, atau tunjuk kolomnya dengan --kolom nama="Judul Kolom".')
_c("BUR-I106", '--kolom {isian}="{judul}": judul kolom itu tidak ada di baris {baris} {berkas}.',
   "Judul kolom yang ditunjuk dengan `--kolom` harus sama dengan salah satu judul di baris judul sheet "
   "(huruf besar-kecil dan spasi diabaikan).",
   hint="Judul kolom yang ada: {daftar}.")
_c("BUR-I107", "Kolom '{kolom}' tidak ditemukan di {berkas}.",
   "Setiap jenis data punya kolom kunci (Nama untuk peserta dan panitia, Judul untuk inovasi). Baris "
   "judulnya ditemukan, tetapi tanpa kolom kunci itu; tunjuk kolomnya dengan `--kolom`.",
   hint='Tunjuk kolomnya dengan --kolom {isian}="Judul Kolom".')
_c("BUR-I108", "--keluaran harus berakhiran .xlsx atau .csv, bukan '{berkas}'.",
   "`bursa ekspor` menulis lembar Excel (.xlsx) atau CSV; jenisnya dibaca dari akhiran nama berkas keluaran.")
_c("BUR-I109", "Folder '{folder}' tidak ada.",
   "Berkas keluaran ditulis ke folder yang sudah ada; ekspor tidak membuat folder baru. Buat foldernya dulu "
   "atau pilih folder lain.")
_c("BUR-I110", "--kecamatan: tidak ada kecamatan acara ini yang cocok dengan {daftar}.",
   "`--kecamatan` memilih kecamatan acara dengan kode atau namanya. Tidak ada yang cocok; periksa ejaannya "
   "di desa.yaml.")
_c("BUR-I111", "Jenis '{jenis}' tidak dikenal; pilih peserta, inovasi atau panitia.",
   "Impor dan ekspor mengenal tiga jenis data: peserta, inovasi dan panitia.")
_c("BUR-I112", "acara.yaml belum dapat dibaca; perbaiki dulu (jalankan bursa validasi).",
   "Impor membutuhkan data acara (wilayah, ruang, tahapan) untuk memeriksa setiap baris. acara.yaml memuat "
   "galat sehingga tidak dapat dibaca.")
_c("BUR-I113", "'{berkas}' berisi {jumlah} sheet: {daftar}.",
   "Berkas Excel memuat lebih dari satu sheet dan perintah tidak dijalankan di terminal yang dapat bertanya. "
   "Sebutkan sheet yang diimpor dengan `--sheet`.",
   hint="Pilih salah satu dengan --sheet NAMA.")
_c("BUR-I114", "Sheet '{sheet}' tidak ada di '{berkas}'. Sheet yang ada: {daftar}.",
   "Nama sheet di `--sheet` harus sama dengan nama tab di bawah lembar Excel.")
_c("BUR-I115", "Sheet '{sheet}' di '{berkas}' memuat lebih dari {batas} sel (sampai baris {baris}); itu bukan "
   "daftar biasa.",
   "Impor membaca sheet sampai batas jumlah sel, agar berkas yang sangat besar tidak menghabiskan memori "
   "laptop. Daftar peserta atau inovasi jauh lebih kecil; sel kosong yang berformat sering membuat sheet "
   "tampak besar.",
   hint="Sel kosong yang berformat juga dihitung. Salin hanya baris dan kolom daftarnya ke berkas Excel "
        "baru, lalu impor berkas itu.")
_c("BUR-I116", "'{berkas}' lebih besar dari {batas} MB; itu bukan daftar peserta atau inovasi biasa.",
   "Impor menolak berkas CSV yang sangat besar agar tidak menghabiskan memori laptop. Daftar peserta atau "
   "inovasi jauh lebih kecil; periksa apakah berkas yang dipilih benar.")
_c("BUR-I117", "'{berkas}' baris {baris} tidak dapat dibaca sebagai CSV: ada sel yang sangat panjang, "
   'biasanya karena tanda kutip (") yang tidak ditutup.',
   "Tanda kutip yang dibuka tanpa ditutup membuat pembaca CSV menggabungkan sisa berkas menjadi satu sel. "
   "Simpan ulang berkasnya dari Excel agar tanda kutipnya benar.",
   hint="Buka berkasnya di Excel, periksa baris itu, lalu simpan ulang sebagai CSV.")
_c("BUR-I118", "Berkas '{berkas}' tidak ditemukan.",
   "Berkas yang diimpor tidak ada di jalur yang ditulis. Periksa nama dan foldernya (jalur relatif dihitung "
   "dari folder tempat perintah dijalankan).")
_c("BUR-I119", "'{berkas}' berformat Excel lama (.xls) yang tidak dapat dibaca.",
   "Impor membaca berkas Excel .xlsx dan CSV. Format .xls (Excel 97-2003) tidak dibaca; simpan ulang "
   "berkasnya sebagai .xlsx atau CSV.",
   hint="Buka di Excel lalu Simpan Sebagai 'Excel Workbook (*.xlsx)' atau 'CSV'.")
_c("BUR-I120", "'{berkas}' bukan berkas .xlsx atau .csv.",
   "Impor membaca berkas Excel (.xlsx) dan CSV, dikenali dari akhiran namanya.")
_c("BUR-I121", "'{berkas}' berisi {ukuran} MB data bila dibuka (batas {batas} MB); itu bukan daftar peserta "
   "atau inovasi biasa.",
   "Berkas .xlsx adalah arsip zip; impor memeriksa ukurannya bila dibuka agar berkas yang dibuat untuk "
   "menghabiskan memori tidak dibaca. Daftar peserta atau inovasi jauh lebih kecil.",
   hint="Salin hanya baris dan kolom daftarnya ke berkas Excel baru, lalu impor berkas itu.")
_c("BUR-I122", "'{berkas}' tidak dapat dibuka sebagai berkas Excel (.xlsx): {sebab}",
   "Berkas berakhiran .xlsx tetapi isinya tidak dapat dibaca sebagai lembar Excel: berkasnya rusak, terkunci "
   "sandi, atau sebenarnya berformat lain.",
   hint="Pastikan berkas tidak rusak dan tidak terkunci sandi.")
_c("BUR-I123", "'{isi}' bukan nomor telepon",
   "Kolom telepon memuat teks yang tidak berisi nomor telepon. Tulis nomor HP atau telepon, mis. "
   "081234567890, atau kosongkan selnya.")
_c("BUR-I124", "nomor '{nomor}' tidak sah; tulis seperti 081234567890",
   "Nomor telepon harus diawali 0 atau +62 dan cukup panjang untuk nomor Indonesia.")
_c("BUR-I125", "NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya berubah; format kolom sebagai "
   "Teks dan ketik ulang NIP",
   "Excel menyimpan angka dengan paling banyak 15 digit; NIP 18 digit yang diketik di kolom berformat angka "
   "kehilangan digit terakhirnya. Ubah format kolom menjadi Teks lalu ketik ulang NIP-nya.")
_c("BUR-I126", "NIP tertulis dalam notasi ilmiah ('{isi}'); format kolom sebagai Teks dan ketik ulang NIP",
   "Excel menampilkan angka panjang dalam notasi ilmiah (mis. 1.97E+17) dan membuang digit terakhirnya. Ubah "
   "format kolom menjadi Teks lalu ketik ulang NIP-nya.")
_c("BUR-I127", "NIP '{isi}' tidak sah: harus 18 angka (tertulis {jumlah})",
   "NIP pegawai negeri terdiri dari 18 angka (boleh ditulis dengan spasi). Periksa NIP-nya pada SK atau "
   "kartu pegawai.")
_c("BUR-I128", "golongan '{isi}' tidak sah; tulis seperti III/d",
   "Golongan ruang PNS ditulis dengan angka Romawi I sampai IV, garis miring, dan huruf a sampai e, mis. "
   "III/d.")
_c("BUR-I129", "harus berupa angka",
   "Kolom ini (mis. anggaran atau jumlah) hanya menerima angka.")
_c("BUR-I130", "'{isi}' harus bilangan bulat",
   "Kolom ini menerima bilangan bulat tanpa pecahan, mis. 25000000 untuk anggaran dalam rupiah.")
_c("BUR-I131", "'{isi}' bukan angka; tulis seperti 25000000",
   'Kolom anggaran atau jumlah ditulis dengan angka saja; pemisah ribuan dan "Rp" boleh, tetapi kata atau '
   "keterangan lain tidak.")
_c("BUR-I132", "kosong",
   "Sel jabatan/peran hanya berisi tanda baca atau spasi, jadi tidak ada peran yang dapat dibaca. Tulis "
   "jabatannya, mis. Kepala Desa, Ketua BPD atau Sekretaris Desa.")
_c("BUR-I133", "jabatan/peran '{isi}' tidak dikenal.{saran}",
   "Kolom jabatan menerima peran yang dikenal bursa (Kepala Desa, Ketua BPD, Camat, pendamping, dan lainnya; "
   "lihat docs/folder-acara.md). Pesannya menyebut peran yang paling mirip bila ada.")
_c("BUR-I134", "{apa} '{isi}' tidak dikenal; isi {pilihan}",
   "Kolom ini hanya menerima nilai dari daftarnya (lihat pesan), mis. bidang inovasi kewirausahaan, psdm "
   "atau infrastruktur.")
_c("BUR-I135", "jendela '{isi}' tidak sah; isi 1, 2 atau 3",
   "Hari-H punya tiga Jendela (1 pameran, 2 pleno, 3 komitmen); kolom jendela diisi angkanya.")
_c("BUR-I136", "nomor '{nomor}' tampaknya sudah terpotong Excel (digit terakhirnya menjadi nol); format kolom "
   "sebagai Teks di Excel dan ketik ulang nomornya",
   "Nomor yang diketik di kolom berformat angka kehilangan angka 0 di depan dan, bila panjang, digit "
   "terakhirnya. Ubah format kolom menjadi Teks lalu ketik ulang nomornya.")
_c("BUR-I137", "bukan nomor telepon",
   "Isi sel bukan teks atau angka yang dapat dibaca sebagai nomor telepon (mis. tanggal atau rumus).")
_c("BUR-I138", "nomor '{nomor}' tersimpan sebagai angka pecahan; format kolom sebagai Teks dan ketik ulang",
   "Nomor telepon tersimpan sebagai angka pecahan di Excel, sehingga digitnya tidak dapat dipercaya. Ubah "
   "format kolom menjadi Teks lalu ketik ulang nomornya.")
_c("BUR-I139", "nomor tertulis dalam notasi ilmiah ('{isi}') sehingga digit terakhirnya hilang; format kolom "
   "sebagai Teks di Excel dan ketik ulang nomornya",
   "Excel menampilkan angka panjang dalam notasi ilmiah (mis. 8.12E+10) dan membuang digit terakhirnya. Ubah "
   "format kolom menjadi Teks lalu ketik ulang nomornya.")
_c("BUR-I140", "'{isi}' bukan satu nomor telepon (tulis satu nomor saja)",
   "Setiap orang punya satu nomor telepon di data acara. Sel ini memuat beberapa nomor; tulis satu saja "
   "(nomor WA yang aktif).")
_c("BUR-I141", "kode desa '{kode}' tidak ada di desa.yaml{bentuk}",
   "Kode desa di kolom Kode Desa harus kode Kemendagri salah satu desa di desa.yaml, mis. 33.23.01.2001.")
_c("BUR-I142", "kode desa {kode} adalah desa {nama}, bukan '{ditulis}'",
   "Kolom Kode Desa dan Desa menunjuk dua desa yang berbeda. Periksa mana yang benar; kode desa Kemendagri "
   "ada di desa.yaml.")
_c("BUR-I143", "desa '{desa}' tidak ada di Kecamatan {kecamatan}; desa bernama itu ada di Kecamatan {tempat}",
   "Desa bernama itu ada, tetapi di kecamatan lain dari yang ditulis di kolom Kecamatan. Perbaiki salah satu "
   "kolomnya.")
_c("BUR-I144", "ada beberapa desa bernama '{desa}' (Kecamatan {tempat}); isi kolom Kecamatan atau Kode Desa",
   "Beberapa desa di kabupaten ini bernama sama di kecamatan yang berbeda. Isi kolom Kecamatan atau Kode "
   "Desa agar jelas desa mana yang dimaksud.")
_c("BUR-I145", "desa '{desa}' tidak ditemukan di desa.yaml{sumber}.{saran}",
   "Nama desa tidak ada di desa.yaml (dan di daftar kode wilayah bila dipakai). Periksa ejaannya; pesannya "
   "menyebut nama yang paling mirip bila ada.")
_c("BUR-I146", "'{nama}' ({kode}) adalah kelurahan, bukan desa; kelurahan tidak memiliki APBDes sehingga "
   "tidak ikut Bursa Inovasi Desa",
   "Bursa Inovasi Desa diikuti desa, yang mereplikasi inovasi dengan APBDes. Kelurahan (kode wilayah "
   "berawalan 1) tidak punya APBDes, jadi barisnya ditolak.")
_c("BUR-I147", "Daftar kode wilayah '{berkas}' tidak ditemukan.",
   "`--wilayah` menunjuk berkas CSV kode wilayah Kemendagri (kode,nama). Berkas itu tidak ada di jalur yang "
   "ditulis.")
_c("BUR-I148", "kecamatan '{isi}' tidak termasuk acara ini.{saran}",
   "Kecamatan yang ditulis tidak ada di desa.yaml acara ini. Periksa ejaannya; pesannya menyebut kecamatan "
   "yang paling mirip bila ada.")
_c("BUR-I149", "{isian} berupa daftar atau kumpulan; ubah langsung di berkasnya",
   "Impor memperbarui isian satu baris di berkas YAML tanpa mengubah tulisan lainnya. Isian yang berupa "
   "daftar atau kumpulan dilewati; ubah langsung di berkasnya.")
_c("BUR-I150", "{isian} di baris {baris} tidak dapat diubah otomatis",
   "Isian ini ditulis dengan bentuk YAML yang tidak dapat diubah dengan aman tanpa menulis ulang bagian lain "
   "berkas (mis. jangkar atau tag). Ubah langsung di berkasnya.")
_c("BUR-I151", "{isian} di baris {baris} ditulis dalam beberapa baris",
   "Isian yang ditulis dalam beberapa baris (teks panjang dengan | atau >) tidak diubah otomatis agar "
   "tulisannya tidak rusak. Ubah langsung di berkasnya.")

# --------------------------------------------------------------------------- BUR-P kursi

_c("BUR-P001", "Kartu ID {peserta} sudah dicetak dengan kursi {kursi}, tetapi peserta '{peserta}' tidak ada "
   "lagi di peserta.yaml; kursinya kini bebas. Bila hanya batal hadir, kembalikan datanya dengan "
   "konfirmasi: tidak.", "Kursi yang tercetak di Kartu ID dicatat di log/kursi/.", WARNING)
_c("BUR-P002", "Kursi {kursi} (Kartu ID {peserta}) tidak ada lagi pada tata kursi ruang pleno sekarang; "
   "peserta ini mendapat kursi lain. Cetak ulang Kartu ID-nya.",
   "Tata kursi ruang pleno berubah sejak Kartu ID dicetak.", WARNING)
_c("BUR-P003", "Kursi {kursi} juga tercatat untuk {peserta} ({berkas} baris {baris}), yang tercatat "
   "belakangan; {peserta_lain} mendapat kursi lain. Cetak ulang Kartu ID-nya.",
   "Dua Kartu ID tercetak dengan kursi yang sama.", WARNING)
_c("BUR-P004", "Tidak ada ruang berjenis pleno (Jendela 1): tempat duduk peserta tidak dapat dibagi. "
   "Tambahkan ruang dengan jenis: pleno.", "Tempat duduk dibagi di ruang pleno.")
_c("BUR-P005", "{pesan}", "Tata kursi (baris x blok x kursi) lebih kecil dari kapasitas ruang.", WARNING)
_c("BUR-P006", "{pesan}", "Ruang pleno tidak cukup kursi untuk semua yang akan hadir.")

# --------------------------------------------------------------------------- BUR-N register nomor

_c("BUR-N001", "{pesan}",
   "Baris register-nomor.yaml rusak (isian hilang atau berjenis salah), biasanya karena diubah "
   "dengan tangan atau penggabungan git. Nomor surat tidak dapat diterbitkan sampai diperbaiki.")
_c("BUR-N002", "Nomor urut {urut} tahun {tahun} diterbitkan dua kali: {nomor} untuk {kunci} di sini, dan "
   "{nomor_lain} untuk {kunci_lain} di {berkas} baris {baris}.",
   "Dua laptop mencetak surat tanpa sinkron lebih dulu, lalu register-nomor.yaml digabung git: "
   "satu nomor urut kini dipakai dua surat. Nomor surat tidak boleh terbit dua kali. Tarik salah satu "
   "surat, hapus barisnya dari register, lalu cetak ulang surat itu agar mendapat nomor baru.")
_c("BUR-N003", "Surat {kunci} bernomor {nomor} di sini, tetapi {nomor_lain} di {berkas} baris {baris}; "
   "cetakan berikutnya memakai nomor yang tercatat terakhir.",
   "Satu surat mendapat dua nomor, biasanya karena dicetak di dua laptop sebelum sinkron. Pastikan "
   "hanya satu nomor yang dikirim, dan hapus baris nomor yang lain dari register.", WARNING)

# --------------------------------------------------------------------------- BUR-F tindak lanjut

_c("BUR-F001", "Desa {desa} tidak berkomitmen pada {inovasi} di Kartu Komitmen yang berlaku; tindak lanjut "
   "hanya dicatat untuk komitmen.",
   "Setiap baris log/tindak-lanjut/ mengikuti satu komitmen: pasangan desa dan inovasi yang tertulis di "
   "Kartu Komitmen desa itu yang berlaku (kartu terakhir yang diserahkan di Jendela 3). Periksa kode desa "
   "dan id inovasinya; bila desa memang berkomitmen, kartunya harus ada di log/komitmen/.")
_c("BUR-F002", "Tanggal {tanggal} lebih awal dari hari acara ({tanggal_acara}).",
   "Tindak lanjut terjadi sesudah Bursa: tanggal RKP Desa, Perdes APBDes, pelaksanaan, selesai atau batal "
   "tidak mungkin sebelum hari acara. Biasanya salah ketik tahun atau bulan.")
_c("BUR-F003", "Tanggal {tanggal} lebih awal dari langkah sebelumnya ({tahap_lalu}, {tanggal_lalu}) di "
   "{berkas} baris {baris}.",
   "Langkah yang lebih maju (mis. APBDes sesudah RKP Desa) biasanya bertanggal lebih kemudian. Periksa "
   "tanggalnya; bila benar, biarkan.", WARNING)
_c("BUR-F004", "Tahap mundur dari {tahap_lalu} ({berkas} baris {baris}) ke {tahap} tanpa keterangan.",
   "Tahap komitmen biasanya maju: rkp-desa, apbdes, pelaksanaan, selesai (atau batal). Langkah mundur, "
   "mis. dari apbdes kembali ke rkp-desa karena APBDes diubah, atau komitmen yang batal dihidupkan lagi, "
   "harus disertai keterangan yang menjelaskan sebabnya.")
_c("BUR-F005", "Tahap apbdes tanpa nilai anggaran. Tulis nilai dalam rupiah, tanpa titik (mis. 25000000).",
   "Tahap apbdes mencatat bahwa inovasi sudah dianggarkan: nilai rupiahnya wajib diisi, karena rekap "
   "menjumlahkannya per sumber dana.")
_c("BUR-F006", "Tahap apbdes tanpa {isian}.",
   "Tahap apbdes sebaiknya menyebut sumber dana (dana-desa, add, pades, lainnya) dan nomor Perdes APBDes, "
   "agar anggaran dapat ditelusuri.", WARNING)
_c("BUR-F007", "APBDes bertanggal {tanggal} bukan APBDes tahun {tahun} yang disebut Kartu Komitmen; Perdes "
   "APBDes {tahun} ditetapkan pada tahun {tahun_lalu} atau paling lambat di tahun {tahun}.",
   "Kartu Komitmen menyebut APBDes tahun berapa inovasi dianggarkan. Perdes APBDes tahun itu ditetapkan "
   "sebelum tahun anggaran dimulai (atau terlambat di awal tahunnya). Anggaran di tahun lain bukan "
   "pemenuhan kartu ini: periksa tanggalnya, atau catat sebagai keterangan.")
_c("BUR-F008", "P2KTD '{p2ktd}' tidak ada di p2ktd.yaml.",
   "Isian p2ktd menyebut id penyedia dari p2ktd.yaml. Periksa penulisannya, atau tambahkan penyedianya ke "
   "p2ktd.yaml.")
_c("BUR-F009", "Tahap batal tanpa alasan.",
   "Komitmen yang batal harus disertai alasannya (mis. dana dialihkan untuk bencana), karena rekap "
   "menghitung alasan pembatalan untuk Bupati dan kementerian.")
_c("BUR-F010", "Isian {isian} hanya dipakai pada tahap {untuk}; pada tahap {tahap} diabaikan.",
   "nilai, sumber dan perdes milik tahap apbdes; alasan milik tahap batal. Pada tahap lain isian itu tidak "
   "dihitung. Pindahkan catatannya ke keterangan.", WARNING)

_c("BUR-F011", "Baris ini bukan komitmen yang berlaku: desa {desa} dengan inovasi {inovasi}.",
   "Setiap baris lembar tindak lanjut mewakili satu komitmen (Kode desa dan Id inovasi). Kolom-kolom itu "
   "dikunci; bila terubah atau baris ditambah dengan tangan, baris tidak dikenali. Ekspor ulang lembarnya "
   "(`bursa ekspor tindak-lanjut`) dan salin isian yang baru.")
_c("BUR-F012", "{pesan}",
   "Isian lembar tindak lanjut tidak dapat dibaca: tahap atau sumber dana di luar daftar pilihan, tanggal "
   "atau nilai yang tidak sah, atau tanggal yang kosong padahal tahapnya berubah. Pilih dari daftar (klik "
   "sel, lalu panah di kanannya) dan tulis tanggal seperti 2027-01-15 atau 15/01/2027.")
_c("BUR-F013", "{isian} berubah, tetapi tahapnya {tahap}, bukan apbdes; perubahan itu tidak dicatat.",
   "Nilai, sumber dana dan nomor Perdes dicatat hanya bersama tahap apbdes. Untuk mencatat anggaran yang "
   "berubah (mis. Perubahan APBDes), pilih tahap apbdes dan isi tanggal Perdes-nya.", WARNING)
_c("BUR-F014", "Kolom {kolom} tidak ditemukan di {sheet}; lembar ini bukan lembar tindak lanjut dari "
   "`bursa ekspor tindak-lanjut`.",
   "Impor tindak lanjut membaca lembar yang dibuat `bursa ekspor tindak-lanjut`: baris judulnya memuat "
   "Kode desa, Id inovasi, Tahap, Tanggal, Nilai (Rp), Sumber Dana, Nomor Perdes, P2KTD dan Keterangan.")

_c("BUR-F015", "Desa {desa} sudah melaksanakan {inovasi} ({judul}) menurut tindak lanjut Bursa sebelumnya; "
   "komitmen ini bukan replikasi baru.",
   "desa.yaml mencatat inovasi yang sudah dilaksanakan setiap desa (inovasi_berjalan, dibawa `bursa init "
   "--dari`). Inovasi itu tidak ditawarkan lagi kepada desa tersebut sebagai inovasi baru. Bila desa "
   "memperluas inovasinya, biarkan; bila tidak, pilih inovasi lain.", WARNING)
_c("BUR-F100", "Belum ada Kartu Komitmen yang berlaku{tempat}; tidak ada yang diekspor.",
   "Lembar tindak lanjut memuat satu baris per Kartu Komitmen yang berlaku. Belum ada kartu yang tercatat "
   "(untuk kecamatan yang dipilih), jadi tidak ada lembar yang dibuat.")
_c("BUR-F101", "--keluaran harus berakhiran .xlsx (atau folder), bukan '{berkas}'.",
   "Lembar tindak lanjut ditulis sebagai berkas Excel (.xlsx); `--keluaran` menunjuk berkas .xlsx atau "
   "folder tempat berkasnya dibuat.")
_c("BUR-F102", "'{isi}' bukan {apa} yang dikenal; pilih salah satu: {daftar}",
   "Kolom tahap dan sumber dana di lembar tindak lanjut hanya menerima nilai dari daftarnya (lihat pesan). "
   "Pilih salah satu; lembar yang diekspor bursa sudah memuat daftar pilihannya.")
_c("BUR-F103", "'{isi}' bukan tanggal yang sah; tulis mis. 15/01/2027",
   "Tanggal di lembar tindak lanjut ditulis sebagai tanggal Excel atau hari/bulan/tahun, mis. 15/01/2027.")
_c("BUR-F104", "Nama perangkat '{perangkat}' tidak sah.",
   "Nama perangkat menjadi bagian nama berkas log tindak lanjut, jadi hanya boleh memuat huruf, angka dan "
   "tanda hubung.",
   hint="Pakai huruf, angka dan tanda hubung saja, mis. --perangkat DPMD-1.")
_c("BUR-F105", "Impor tindak lanjut dibatalkan: ada baris yang ditolak; tidak ada yang ditulis.",
   "Impor tindak lanjut menulis semua baris atau tidak sama sekali. Ada baris yang ditolak (masalahnya "
   "ditampilkan per baris), jadi log tindak lanjut tidak diubah.",
   hint="Perbaiki baris di atas, atau impor baris yang benar saja dengan --lewati-galat.")
_c("BUR-F106", "Lembar tindak lanjut tidak lengkap.",
   "Lembar tindak lanjut harus memuat semua kolom yang dibuat `bursa ekspor tindak-lanjut`. Ada kolom yang "
   "hilang (lihat masalahnya); ekspor ulang lembarnya atau kembalikan kolom itu.")
_c("BUR-F107", "Lembar tindak lanjut tidak dikenali.",
   "Baris judul lembar tindak lanjut tidak ditemukan: berkas ini bukan lembar yang dibuat `bursa ekspor "
   "tindak-lanjut`, atau judul kolomnya diubah.")

# --------------------------------------------------------------------------- BUR-W jaringan bursa layani

_c("BUR-W001", "Perangkat ini belum dipasangkan. Minta petugas laptop induk membuat QR pemasangan, lalu "
   "pindai dengan kamera ponsel.",
   "Permintaan datang tanpa token perangkat dan tanpa sesi browser. Hanya perangkat yang dipasangkan yang "
   "dilayani; isi permintaannya tidak dibaca sama sekali. Pasangkan perangkat dari layar induk atau dengan "
   "`bursa perangkat tambah`.")
_c("BUR-W002", "Perangkat ini tidak dikenal atau sudah dicabut. Minta QR pemasangan baru ke petugas laptop induk.",
   "Token atau sesi browser yang dibawa permintaan tidak cocok dengan perangkat aktif mana pun: perangkatnya "
   "dicabut, atau folder .layani/ diganti. Pasangkan ulang perangkat itu.")
_c("BUR-W003", "Permintaan ditolak: tidak datang dari halaman {halaman} ini (CSRF). Muat ulang halaman.",
   "Setiap penulisan lewat browser harus membawa tanda CSRF halaman yang dilayani ke perangkat itu, agar "
   "situs lain yang terbuka di browser yang sama tidak dapat mencatat atas nama meja.")
_c("BUR-W004", "Perangkat {perangkat} ({peran}) tidak boleh melakukan ini; hanya untuk: {boleh}.",
   "Setiap perangkat terikat pada satu peran (dan meja konsultasi pada satu meja). Pasangkan perangkat "
   "dengan peran yang sesuai.")
_c("BUR-W005", "Isi permintaan lebih besar dari {batas}; tidak ada entri meja sebesar itu.",
   "Permintaan yang lebih besar dari batas ditolak sebelum isinya dibaca, agar laptop induk tidak kehabisan "
   "memori. Entri meja yang paling besar (Kartu Komitmen dengan alasan setiap inovasi) jauh di bawah batas ini.")
_c("BUR-W006", "Permintaan tidak sah: {rincian}.",
   "Isi permintaan bukan JSON yang sah, atau isiannya tidak sesuai bentuk yang diminta. Halaman meja dan "
   "meja terminal selalu mengirim bentuk yang benar; periksa program yang mengirimnya.")
_c("BUR-W007", "Layar induk hanya dapat dibuka di laptop induk sendiri.",
   "/induk memasangkan dan mencabut perangkat, jadi hanya dilayani untuk browser di laptop induk itu "
   "sendiri (alamat 127.0.0.1), tidak untuk perangkat lain di Wi-Fi.")
_c("BUR-W008", "Layar induk hanya dibuka dengan alamat http://127.0.0.1 atau http://localhost; alamat '{host}' "
   "ditolak.",
   "Sebuah halaman web yang terbuka di laptop induk dapat memakai nama lain yang diarahkan ke 127.0.0.1 "
   "(DNS rebinding) untuk membaca layar induk. Karena itu /induk hanya menjawab bila alamat yang diketik "
   "adalah 127.0.0.1 atau localhost.")
_c("BUR-W009", "Isi permintaan terlalu lambat datang; sambungan ditutup.",
   "Permintaan yang mengirim isinya sangat lambat ditutup setelah beberapa detik, agar sambungan tidak "
   "dapat ditahan selamanya. Meja mengirim ulang entrinya sendiri.")
_c("BUR-W010", "Alamat {alamat} tidak dikenal.",
   "Laptop induk tidak melayani alamat ini. Buka alamat yang tercetak saat `bursa layani` mulai.")
_c("BUR-W011", "QR ini sudah dipakai; minta QR baru ke petugas laptop induk.",
   "Satu QR pemasangan hanya memasangkan satu browser, sekali. QR yang difoto orang lain tidak dapat "
   "dipakai lagi. Petugas membuat QR baru untuk perangkat itu di layar induk (tombol QR baru).")
_c("BUR-W012", "QR ini sudah kedaluwarsa (berlaku sampai pukul {sampai}); minta QR baru ke petugas laptop induk.",
   "QR pemasangan berlaku beberapa menit saja (bawaan 15 menit, diatur dengan --qr-berlaku). Petugas "
   "membuat QR baru untuk perangkat itu di layar induk.")
_c("BUR-W013", "QR pemasangan ini tidak dikenal atau perangkatnya sudah dicabut; minta QR baru ke petugas "
   "laptop induk.",
   "Kode di QR tidak cocok dengan perangkat aktif mana pun.")
_c("BUR-W014", "Terlalu banyak sambungan dari alamat {alamat}; coba lagi sebentar lagi.",
   "Satu alamat di Wi-Fi hanya boleh memegang sejumlah sambungan sekaligus (sebuah browser memakai "
   "sekitar 6), agar satu perangkat tidak dapat menghabiskan layanan untuk semua meja.")
_c("BUR-W015", "Laptop induk tidak dapat menulis{berkas} ({sebab}); entri ini BELUM tercatat dan akan dikirim "
   "ulang. Periksa ruang disk laptop induk.",
   "Log hari-H tidak dapat ditulis (disk penuh atau berkas hanya-baca). Tidak ada yang tercatat; meja "
   "menyimpan entrinya dan mengirim ulang.")
_c("BUR-W016", "{pesan}",
   "Meja mengirim entri yang tidak dapat dicatat (peserta atau inovasi yang tidak dikenal, meja yang "
   "salah). Pesannya menjelaskan sebabnya; masalah yang punya kode sendiri membawa kode itu.")
_c("BUR-W017", "Laptop ini belum tersambung ke jaringan mana pun (Wi-Fi atau hotspot), jadi belum ada alamat "
   "yang dapat dibuka ponsel meja.",
   "`bursa layani` mencari alamat laptop di setiap antarmuka jaringan (bukan alamat 127.0.0.1, yang di "
   "ponsel berarti ponsel itu sendiri). Sambungkan laptop ke hotspot atau Wi-Fi yang sama dengan ponsel "
   "meja, lalu jalankan lagi.")
_c("BUR-W018", "Laptop induk mengalami galat di dalam programnya; entri ini BELUM tercatat dan akan dikirim ulang. "
   "Beri tahu petugas laptop induk.",
   "Bukan kesalahan meja: ada yang tidak beres di `bursa layani` sendiri. Tidak ada yang tercatat dari "
   "permintaan ini; meja menyimpan entrinya dan mengirim ulang. Rincian galatnya tercetak di terminal "
   "laptop induk; laporkan bersama langkah yang memicunya.")

_c("BUR-W020", "--induk memerlukan --token: token perangkat dari `bursa perangkat tambah`.",
   "Meja terminal yang mencatat lewat laptop induk (`--induk`) harus membawa token perangkatnya, sama "
   "seperti ponsel meja membawa sesi dari QR pemasangan. Buat perangkatnya dengan `bursa perangkat tambah` "
   "dan salin tokennya ke `--token`.")
_c("BUR-W021", "--induk '{url}' tidak sah; tulis alamat lengkap, mis. http://192.168.43.10:8000.",
   "Alamat laptop induk ditulis lengkap dengan http:// atau https:// di depannya, seperti yang tampil di "
   "layar `bursa layani`.")
_c("BUR-W022", "Laptop induk {url} tidak terjangkau; entri ini BELUM tercatat.",
   "Meja terminal mengirim entri ke laptop induk beberapa kali, tetapi tidak ada jawaban: Wi-Fi terputus, "
   "alamatnya salah, atau `bursa layani` tidak berjalan. Entri yang sama dapat dipindai lagi; laptop induk "
   "tidak mencatatnya dua kali.",
   hint="Periksa Wi-Fi, lalu pindai lagi: entri yang sama tidak akan tercatat dua kali.")
_c("BUR-W023", "Laptop induk {url} tidak terjangkau.",
   "Meja terminal tidak mendapat jawaban dari laptop induk saat mencari peserta atau desa: Wi-Fi "
   "terputus, alamatnya salah, atau `bursa layani` tidak berjalan.",
   hint="Periksa Wi-Fi dan alamatnya (lihat layar `bursa layani`).")
_c("BUR-W024", "Perangkat {perangkat} adalah meja {meja}; tidak boleh mencatat untuk meja {diminta}.",
   "Perangkat meja konsultasi dipasangkan untuk satu meja dan hanya mencatat stempel meja itu, agar "
   "stempel tidak tercatat atas nama meja lain. Pasangkan perangkat untuk meja yang dimaksud.")
_c("BUR-W025", "Kartu Komitmen {desa} belum tercatat.",
   "Sertifikat desa dicetak dari Kartu Komitmen yang berlaku. Desa ini belum punya Kartu Komitmen di log "
   "hari-H; catat kartunya di Jendela 3 dulu.")
_c("BUR-W026", "Sertifikat belum dapat dibuat: kunci sertifikat belum ada di laptop induk. Beri tahu petugas "
   "laptop induk; sertifikat desa ini dapat dicetak nanti.",
   "Sertifikat ditandai dengan kunci sertifikat acara (`bursa kunci-sertifikat buat`), yang tidak ada di "
   "laptop induk ini. Kartu Komitmen tetap tercatat; sertifikatnya dicetak setelah kunci dipasang.")
_c("BUR-W027", "--commit-tiap harus 0 (tidak pernah) atau lebih.",
   "`bursa layani --commit-tiap N` membuat commit git dari log hari-H setiap N menit; 0 berarti tidak "
   "pernah. Bilangan negatif tidak bermakna.")
_c("BUR-W028", "--qr-berlaku harus paling sedikit 1 menit.",
   "QR pemasangan dari layar induk berlaku sejumlah menit; kurang dari satu menit tidak cukup untuk "
   "memindainya.")
_c("BUR-W029", "Alamat {alamat}:{port} tidak dapat dipakai ({sebab}).",
   "`bursa layani` tidak dapat mendengarkan di alamat dan port itu: port sudah dipakai program lain "
   "(sering `bursa layani` yang masih berjalan), atau alamat itu bukan milik laptop ini.",
   hint="Mungkin `bursa layani` lain sudah berjalan; hentikan dulu, atau pakai --port lain. "
        "--alamat harus salah satu alamat laptop ini.")
_c("BUR-W030", "{pesan}",
   "Entri yang sama (stempel, penilaian atau Kartu Komitmen) sudah tercatat sebelumnya. Meja menanyakan "
   "dulu; bila memang perlu dicatat lagi, entri dikirim ulang dengan konfirmasi (`ulang`).")
_c("BUR-W031", "{pesan}",
   "Alamat /api/v1/peserta/ID menyebut peserta yang tidak dikenal pada hari ini: tidak ada di peserta.yaml "
   "maupun di log registrasi, atau Kartu ID cadangan yang belum didaftarkan. Cari dengan nama atau desa.")
_c("BUR-W032", "Desa '{desa}' tidak ada di desa.yaml.",
   "Alamat /api/v1/desa/KODE atau /api/v1/sertifikat/KODE.pdf menyebut kode desa yang tidak ada di "
   "desa.yaml. Cari desa dengan nama atau kode.")
_c("BUR-W033", "Laptop induk menjawab {status}.",
   "Laptop induk menolak permintaan meja terminal tanpa pesan yang dapat dibaca. Periksa bahwa alamat "
   "--induk menunjuk ke `bursa layani` acara ini.")

# --------------------------------------------------------------------------- BUR-M meja hari-H: perangkat, log, folder

_c("BUR-M100", "{folder}/ di folder acara bukan folder biasa; tidak ada yang dihapus.",
   "`bursa layani --gladi --ulang` mengosongkan folder gladi/ dengan memindahkannya lalu menghapusnya. "
   "Folder itu ternyata tautan (symlink) atau berkas, sehingga tidak ada yang dihapus.",
   hint="Pindahkan {folder} itu, lalu ulangi.")
_c("BUR-M101", "{berkas} rusak dan tidak dapat dibaca ({sebab}).",
   "Daftar perangkat yang dipasangkan (.layani/perangkat.yaml) hanya ditulis bursa; isinya tidak lagi "
   "dapat dibaca, sehingga tidak ada perangkat yang dapat dilayani.",
   hint="Hapus berkas itu lalu pasangkan ulang semua perangkat dengan `bursa perangkat tambah`.")
_c("BUR-M102", "Masa berlaku QR pemasangan harus paling sedikit 1 menit.",
   "QR pemasangan berlaku sejumlah menit (`--berlaku`); kurang dari satu menit tidak cukup untuk "
   "memindainya.")
_c("BUR-M103", "Peran '{peran}' tidak dikenal.",
   "Perangkat dipasangkan untuk satu peran: registrasi, stempel, nilai, ide, komitmen atau pantau.",
   hint="Pilih salah satu: {pilihan}.")
_c("BUR-M104", "Perangkat meja konsultasi perlu nomor mejanya, mis. A-01.",
   "Perangkat berperan stempel mencatat untuk satu meja konsultasi; nomor mejanya diberikan saat "
   "perangkat dipasangkan.",
   hint="Di terminal: --meja A-01.")
_c("BUR-M105", "Meja '{meja}' tidak ada di acara.yaml (tempat.ruang[].meja).",
   "Nomor meja perangkat stempel harus salah satu meja yang tertulis di acara.yaml.",
   hint="Meja yang dikenal: {dikenal}.")
_c("BUR-M106", "Nomor meja hanya untuk perangkat meja konsultasi (peran stempel); kosongkan mejanya.",
   "Hanya perangkat berperan stempel yang terikat pada satu meja; peran lain mencatat untuk seluruh acara.")
_c("BUR-M107", "Perangkat '{perangkat}' tidak dikenal.",
   "Id perangkat (REG-1, STP-2, dst.) tidak ada di daftar perangkat acara ini. Lihat daftarnya dengan "
   "`bursa perangkat daftar`.",
   hint="Perangkat yang ada: {ada}.")
_c("BUR-M108", "Perangkat {perangkat} sudah dicabut pada {dicabut}; buat perangkat baru.",
   "Perangkat yang sudah dicabut tidak dapat diberi QR pemasangan baru; tokennya tidak berlaku lagi. "
   "Buat perangkat baru dengan `bursa perangkat tambah`.")
_c("BUR-M109", "Perangkat {perangkat} sudah dicabut pada {dicabut}.",
   "Perangkat ini sudah dicabut sebelumnya; mencabutnya lagi tidak mengubah apa pun.")
_c("BUR-M110", "{apa} sedang dikunci oleh proses lain lebih dari {detik} detik.",
   "Setiap penulisan log hari-H memegang kunci log itu agar dua proses tidak menulis bersamaan. Proses "
   "lain (perintah bursa lain, atau laptop induk yang sangat sibuk) memegangnya terlalu lama; tidak ada "
   "yang dicatat.",
   hint="Tutup perintah bursa lain yang menulis ke log ini, lalu coba lagi.")
_c("BUR-M111", "{berkas} adalah tautan (symlink), bukan log biasa; tidak ada yang dicatat.",
   "Log hari-H hanya ditulis ke berkas biasa di folder acara; menulis lewat tautan akan menaruh entri "
   "meja di berkas lain di laptop.",
   hint="Ganti tautan itu dengan berkas log yang sebenarnya, lalu ulangi.")
_c("BUR-M112", "{berkas} bukan berkas log biasa di folder acara ({jenis}); tidak ada log yang diubah.",
   "`bursa perbaiki` hanya menulis ulang log yang berupa berkas biasa di folder acara; tautan atau folder "
   "di tempat log tidak disentuh, dan tidak ada log lain yang diubah.",
   hint="Ganti tautan itu dengan salinan log yang sebenarnya (mis. dari laptop meja atau dari git), lalu "
        "jalankan `bursa perbaiki` lagi.")
_c("BUR-M113", "Kursi Kartu ID baru saja dicatat oleh proses lain, jadi tata kursi cetakan ini mungkin memberi "
   "satu kursi dua kali; tidak ada yang dicatat atau ditulis.",
   "Kursi yang tercetak di Kartu ID dicatat di log/kursi/. Proses lain mencatat kursi di antara "
   "penghitungan dan pencetakan ini, jadi cetakan ini dibatalkan.",
   hint="Jalankan `bursa cetak kartu-id` lagi: kursi dihitung dari log/kursi/ terbaru.")
_c("BUR-M114", "acara.yaml belum sah; perbaiki dulu dengan `bursa validasi`.",
   "Meja hari-H dan laptop induk memerlukan acara.yaml yang sah (nama, tanggal, zona waktu). Perbaiki "
   "masalah yang disebut `bursa validasi`, lalu buka meja lagi.")


# --------------------------------------------------------------------------- BUR-G gladi bersih

_c("BUR-G001", "Entri bertanggal {tanggal}, {arah} hari acara ({hari}): data gladi?",
   "Log di log/ hanya untuk hari acara (acara.yaml: tanggal). Entri yang bertanggal sehari sebelum "
   "atau sesudahnya biasanya tercatat saat gladi bersih tanpa `--gladi`, atau jam laptop keliru. "
   "Log tidak boleh disunting; entri ini tetap terhitung di rekap (`bursa rekap --hanya-hari-acara` "
   "tidak menghitungnya). Jalankan gladi berikutnya dengan `bursa layani --gladi`, yang menulis ke "
   "gladi/log/.", WARNING)
_c("BUR-G002", "Entri bertanggal {tanggal}, {selisih} hari {arah} hari acara ({hari}); log/ hanya untuk "
   "hari acara.",
   "Entri di log/ bertanggal lebih dari sehari dari hari acara. Periksa tanggal di acara.yaml dan jam "
   "laptop atau perangkat yang mencatatnya. Data latihan dicatat dengan `bursa layani --gladi` di "
   "gladi/log/, tidak pernah di log/.")
_c("BUR-G003", "{peserta} adalah Kartu ID LATIHAN untuk gladi bersih; kartu ini tidak berlaku pada hari "
   "acara. Minta Kartu ID peserta yang sebenarnya.",
   "Kartu latihan (`bursa cetak kartu-latihan`, id LAT-01 dst.) hanya diterima meja yang berjalan dalam "
   "gladi bersih (`bursa layani --gladi`, atau meja terminal dengan `--gladi`). Pada hari acara kartu "
   "itu ditolak, agar tidak ada entri latihan yang masuk ke log/.")
_c("BUR-G004", "{jumlah} entri di log/ bertanggal di luar hari acara ({hari}) {nasib}; lihat `bursa "
   "validasi` untuk berkas dan barisnya.",
   "Rekap dan Jendela 3 menyebut berapa entri log/ yang tidak bertanggal hari acara (BUR-G001, "
   "BUR-G002). Entri itu ikut dihitung kecuali `bursa rekap --hanya-hari-acara` dipakai.", WARNING)
_c("BUR-G005", "Hari ini ({hari_ini}) bukan hari acara ({hari}); entri dicatat di log/ hari-H. Untuk gladi "
   "bersih jalankan `bursa layani --gladi`.",
   "`bursa layani` tanpa `--gladi` menulis ke log hari-H. Pada hari lain (gladi bersih, uji coba) "
   "pakai `--gladi`, agar log/ hanya berisi data hari acara.", WARNING)
_c("BUR-G006", "Halaman ini dibuka untuk {halaman}; laptop induk kini menjalankan {induk}. Entri ini tidak "
   "dicatat. Muat ulang halaman.",
   "Halaman meja menyebut mode saat ia dibuka (gladi bersih atau hari-H). Laptop induk menolak "
   "permintaan dari halaman mode lain, agar entri latihan yang masih mengantre di ponsel sejak gladi "
   "tidak pernah tercatat di log/ hari-H (dan sebaliknya). Muat ulang halaman meja.")

_c("BUR-U001", "Kode masalah '{kode}' tidak dikenal.",
   "`bursa validasi --jelaskan` menjelaskan kode yang ada di katalog ini saja. Periksa ejaannya: huruf "
   "keluarga dan tiga angka, mis. BUR-K002.",
   hint="Lihat semua kode dengan `bursa validasi --jelaskan semua`.")
_c("BUR-U002", "Data acara '{folder}' masih bermasalah; tidak ada yang dibawa.",
   "`bursa init --dari` membawa wilayah, desa, OPD dan pejabat dari acara lama. Berkas acara lama yang "
   "dibawa memuat galat, jadi tidak ada yang disalin agar acara baru tidak mewarisi data yang salah.",
   hint="Jalankan `bursa validasi {folder}` dan perbaiki dulu.")
_c("BUR-U003", "'{folder}' bukan folder acara: berkas acara.yaml tidak ada.",
   "Pilihan `--dari` harus menunjuk folder acara Bursa yang sudah ada (berisi acara.yaml), tempat data "
   "wilayah dan pejabat diambil. Periksa jalur foldernya.",
   hint="--dari menunjuk folder acara Bursa sebelumnya.")
_c("BUR-U025", "Folder acara '{folder}' tidak ditemukan.",
   "Folder yang ditulis tidak ada. Periksa jalurnya (relatif terhadap folder tempat perintah dijalankan), "
   "atau buat acara baru dengan `bursa init`.",
   hint="Buat acara baru dengan `bursa init FOLDER`.")
_c("BUR-U004", "'{folder}' bukan folder acara: berkas acara.yaml tidak ada.",
   "Setiap folder acara memuat acara.yaml yang dibuat `bursa init`. Folder yang ditulis ada, tetapi tanpa "
   "berkas itu; mungkin perintah dijalankan di folder yang salah.",
   hint="Jalankan perintah di folder acara, atau buat acara dengan `bursa init FOLDER`.")
_c("BUR-U005", "Shell {shell} tidak dikenali untuk pelengkapan perintah.",
   "`bursa --pasang-pelengkapan` memasang pelengkapan tombol Tab untuk shell yang menjalankannya. Shell ini "
   "tidak dikenali atau tidak didukung; jalankan perintah itu dari bash, zsh, fish atau PowerShell.",
   hint="Pelengkapan tersedia untuk bash, zsh, fish dan PowerShell.")
_c("BUR-U006", "Tanggal '{tanggal}' tidak sah; tulis TTTT-BB-HH, mis. 2027-03-11.",
   "Tanggal di pilihan perintah ditulis sebagai tahun-bulan-hari dengan angka, mis. 2027-03-11 untuk 11 "
   "Maret 2027.")
_c("BUR-U007", "Tidak ada sheet yang dipilih.",
   "Berkas Excel memuat beberapa sheet, dan tidak ada yang dipilih di layar pemilihan. Sebutkan sheet yang "
   "diimpor dengan `--sheet`.",
   hint="Sebutkan sheet-nya dengan --sheet NAMA.")
_c("BUR-U008", "Id perangkat belum ditulis.",
   "`bursa perangkat cabut` mencabut satu perangkat yang dipasangkan, disebut dengan id-nya (lihat `bursa "
   "perangkat daftar`).",
   hint="Tulis: bursa perangkat cabut FOLDER ID, mis. bursa perangkat cabut . MEJA-3.")
_c("BUR-U009", "--ulang hanya dipakai bersama --gladi: yang dikosongkan adalah area gladi, tidak pernah log/.",
   "`--ulang` mengosongkan catatan gladi bersih untuk memulai latihan baru. Log hari-H yang sebenarnya "
   "(log/) tidak pernah dikosongkan, jadi pilihan ini hanya berlaku dengan `--gladi`.",
   hint="Jalankan `bursa layani --gladi --ulang`.")
_c("BUR-U010", "--format '{format}' tidak dikenal; pilih teks atau json.",
   "Daftar perangkat dapat ditampilkan sebagai tabel teks atau sebagai JSON untuk program lain. Nilai lain "
   "tidak dikenal.")
_c("BUR-U011", "--kecamatan dan --bidang belum berlaku untuk rekap tindak-lanjut.",
   "Penyaringan per kecamatan atau bidang baru tersedia untuk rekap komitmen. Rekap tindak lanjut selalu "
   "memuat semuanya, dengan tabel per kecamatan dan per bidang.",
   hint="Rekap tindak lanjut memuat semua kecamatan dan bidang dalam tabel terpisah.")
_c("BUR-U012", "Rekap komitmen dibuat untuk satu folder acara.",
   "Rekap komitmen menghitung satu acara. Rekap gabungan beberapa kabupaten (satu provinsi) hanya tersedia "
   "untuk tindak lanjut.",
   hint="Beberapa folder sekaligus hanya untuk `bursa rekap tindak-lanjut FOLDER...`.")
_c("BUR-U013", "Laporan gladi (--gladi) hanya untuk layar (tabel) atau json.",
   "Laporan gladi bersih (waktu setiap meja) hanya ditampilkan di layar atau sebagai JSON; tidak ada versi "
   "xlsx atau csv-nya.")
_c("BUR-U014", "Berkas {berkas} sedang dibuka program lain atau tidak boleh ditulis; tutup berkas itu lalu "
   "ulangi perintah.",
   "Windows tidak mengizinkan menimpa berkas yang sedang dibuka (mis. PDF di pembaca PDF atau xlsx di "
   "Excel), dan berkas atau foldernya mungkin hanya-baca. Tutup programnya lalu ulangi; berkas lama tetap "
   "utuh.",
   hint="Letak berkas: {letak}")
_c("BUR-U015", "Rapat '{rapat}' tidak ada (atau tahapannya tanpa blok rapat). Pilihan --rapat: {daftar}.",
   "`--rapat` memilih satu rapat: kode tahapan yang punya blok `rapat` di acara.yaml, atau hari-h.")
_c("BUR-U016", "Kecamatan '{kecamatan}' tidak ada di acara ini.",
   '`--kecamatan` memilih kecamatan acara dengan kode atau namanya (dengan atau tanpa kata "Kecamatan"). '
   "Kecamatan yang ditulis tidak ada di desa.yaml.",
   hint="Tulis kode atau nama kecamatan. Yang dikenal: {daftar}.")
_c("BUR-U017", "Bidang '{bidang}' tidak dikenal.",
   "Inovasi desa dikelompokkan dalam tiga bidang: kewirausahaan, pengembangan sumber daya manusia (psdm) dan "
   "infrastruktur.",
   hint="Pilih salah satu: kewirausahaan, psdm, infrastruktur.")
_c("BUR-U018", "Berkas wilayah '{berkas}' tidak ditemukan.",
   "`bursa init --wilayah` membaca daftar kode wilayah Kemendagri (CSV kode,nama). Berkas itu tidak ada di "
   "jalur yang ditulis.")
_c("BUR-U019", "Kode kabupaten/kota '{kode}' tidak ada di {berkas}.",
   "`--kode` adalah kode Kemendagri kabupaten/kota: kode provinsi dan kode kabupaten dipisah titik. Kode itu "
   "tidak ada di daftar wilayah.",
   hint="Kode berbentuk PP.KK, mis. 33.23 untuk Kabupaten Temanggung.")
_c("BUR-U020", "Kecamatan '{kecamatan}' tidak ada di {wilayah}.{saran}",
   "`--kecamatan` memilih kecamatan kabupaten itu dengan kode atau namanya. Kecamatan yang ditulis tidak ada "
   "di daftar wilayah; pesannya menyebut nama yang paling mirip bila ada.")
_c("BUR-U021", "--wilayah perlu --kode, mis. --kode 33.23.",
   "Daftar kode wilayah memuat seluruh Indonesia; `--kode` memilih kabupaten/kota acara dari daftar itu.")
_c("BUR-U022", "--kecamatan hanya dapat dipakai bersama --wilayah dan --kode.",
   "`--kecamatan` memilih sebagian kecamatan dari kabupaten yang dibaca dari daftar kode wilayah, jadi perlu "
   "`--wilayah` dan `--kode`.")
_c("BUR-U023", "--dari membawa wilayah dari acara lama; --wilayah, --kode, --kecamatan dan --kabupaten tidak "
   "dipakai bersamanya.",
   "Acara baru mengambil wilayahnya dari acara lama (`--dari`) atau dari daftar kode wilayah (`--wilayah`), "
   "tidak dari keduanya.")
_c("BUR-U024", "Folder '{folder}' sudah berisi {daftar}; bursa init tidak pernah menimpa berkas yang ada.",
   "`bursa init` membuat folder acara baru dan tidak pernah menimpa berkas acara yang sudah ada, agar data "
   "tidak hilang.",
   hint="Pilih folder baru, atau hapus/pindahkan berkas itu lebih dulu.")

# BUR-M: refusals at the day's desks (day/desks/, day/actions.py, day/desk.py, cli/hari.py)
_c("BUR-M001", "Sudah tercatat ({berkas} baris {baris}, pukul {jam}).",
   "Meja mengirim ulang entri dengan id_entri yang sama (mis. setelah Wi-Fi putus). Entri itu sudah "
   "tercatat sekali dan tidak ditulis dua kali; tidak ada yang perlu diulang.", NOTE)
_c("BUR-M002", "Isian {isian} tidak sah: {sebab}.",
   "Meja terminal memeriksa isian dengan model permintaan meja yang sama dengan laptop induk; isian ini "
   "tidak diterima, jadi tidak dikirim dan tidak dicatat.")
_c("BUR-M003", "id_entri '{id_entri}' tidak sah: 8 sampai 64 huruf, angka, garis bawah atau tanda hubung.",
   "Setiap entri dari meja membawa id_entri buatan perangkat agar kiriman ulang tidak tercatat dua kali; "
   "id ini tidak berbentuk seperti itu.")
_c("BUR-M004", "id_entri {id_entri} sudah dipakai untuk entri lain ({berkas} baris {baris}); entri ini tidak dicatat.",
   "Perangkat mengirim entri baru dengan id_entri yang sudah dipakai entri yang berbeda. Entri pertama tetap; "
   "kirim entri baru dengan id baru.")
_c("BUR-M005", "{pilihan} '{nama}' tidak sah: pakai huruf, angka dan tanda hubung saja, mis. REG-1.",
   "Nama perangkat atau meja menjadi nama berkas lognya (log/registrasi/REG-1.yaml), jadi hanya boleh huruf, "
   "angka, titik, garis bawah dan tanda hubung.")
_c("BUR-M006", "Nomor HP tidak sah: {sebab}.",
   "Nomor HP peserta tanpa undangan ditulis seperti `bursa impor` menulisnya (081234567001); nomor ini tidak "
   "dapat dibaca. Kosongkan bila tidak ada.")
_c("BUR-M007", "Desa '{desa}' tidak ada di desa.yaml.",
   "Meja menyebut kode desa yang tidak tercantum di desa.yaml.")
_c("BUR-M008", "Kartu ID cadangan {kartu} belum didaftarkan. Minta pemegangnya ke meja registrasi dulu, yang "
   "mencatat nama dan desanya.",
   "Kartu ID cadangan (TAMU-001 dst.) baru menjadi id peserta setelah didaftarkan di meja registrasi.")
_c("BUR-M010", "Inovasi '{inovasi}' tidak termasuk menu (dicoret atau belum disortir).",
   "Inovasi ada di inovasi.yaml tetapi tidak termasuk menu hari-H, jadi tidak dapat distempel, dinilai atau "
   "dipilih di Kartu Komitmen.")
_c("BUR-M011", "Desa '{desa}' tidak ada di desa.yaml (cari dengan kode atau nama desa).",
   "Tidak ada desa dengan kode atau nama ini di desa.yaml.")
_c("BUR-M012", "'{teks}' cocok dengan {jumlah} desa: {desa}. Tulis kode desanya.",
   "Nama yang diketik cocok dengan lebih dari satu desa; bentuk satu kali memerlukan satu desa saja.")
_c("BUR-M013", "Nilai '{nilai}' tidak sah: harus angka 1 sampai 5.",
   "Penilaian inovasi memakai angka bulat 1 sampai 5.")
_c("BUR-M014", "Kartu Ide tanpa nama inovasi tidak dapat dicatat.",
   "Setiap Kartu Ide perlu nama inovasinya; uraian, bidang dan pengusul boleh kosong.")
_c("BUR-M015", "Bidang '{bidang}' tidak dikenal; pilih {pilihan}.",
   "Bidang Kartu Ide harus salah satu bidang bursa.")
_c("BUR-M016", "Desa {desa} tidak ada di desa.yaml.",
   "Meja menyebut kode desa yang tidak tercantum di desa.yaml.")
_c("BUR-M017", "Tahun APBDes '{tahun}' tidak sah: tulis empat angka, mis. {contoh}.",
   "Tahun APBDes di Kartu Komitmen ditulis empat angka; kosongkan untuk tahun bawaan acara.")
_c("BUR-M018", "Tahun APBDes {tahun} tidak sah: harus antara {awal} dan {akhir}.",
   "Tahun APBDes di Kartu Komitmen berada dalam rentang yang diterima model Kartu Komitmen.")
_c("BUR-M019", "Kartu Komitmen harus memuat paling sedikit satu inovasi.",
   "Kartu Komitmen mencatat inovasi yang akan dianggarkan desa; kartu tanpa inovasi tidak dicatat.")
_c("BUR-M020", "{inovasi} ({judul}) tidak pernah distempel untuk {desa}; inovasi tanpa stempel hanya diterima "
   "dengan alasan.",
   "Desa memilih inovasi yang dikonsultasikan pesertanya (distempel). Inovasi lain boleh dipilih bila "
   "alasannya ditulis.")
_c("BUR-M021", "Kartu Komitmen {desa} sudah dicatat pukul {jam} ({berkas} baris {baris}); kartu ini belum dicatat.",
   "Satu desa satu Kartu Komitmen. Kartu kedua menggantikan yang pertama hanya setelah petugas mengiyakan "
   "(atau dengan --ulang).", WARNING, hint="Tambahkan --ulang bila memang perlu dicatat lagi.")
_c("BUR-M022", "{nama} ({peserta}) sudah menilai {inovasi} pukul {jam}.",
   "Peserta yang sama menilai inovasi yang sama untuk kedua kalinya; dicatat hanya setelah petugas "
   "mengiyakan (atau dengan --ulang).", WARNING, hint="Tambahkan --ulang bila memang perlu dicatat lagi.")
_c("BUR-M023", "{nama} ({peserta}) sudah mendapat stempel {inovasi} pukul {jam} di meja {meja}.",
   "Stempel yang sama (peserta dan inovasi yang sama) untuk kedua kalinya; dicatat hanya setelah petugas "
   "mengiyakan (atau dengan --ulang).", WARNING, hint="Tambahkan --ulang bila memang perlu dicatat lagi.")
_c("BUR-M024", "Nama peserta baru wajib diisi.",
   "Peserta tanpa undangan didaftarkan dengan namanya; tanpa nama tidak ada yang dicatat.")
_c("BUR-M025", "'{kartu}' bukan nomor Kartu ID cadangan (TAMU-001 dst.).",
   "Kartu ID cadangan bernomor TAMU-001, TAMU-002 dan seterusnya (`bursa cetak kartu-cadangan`).")
_c("BUR-M026", "Data peserta baru tidak sah ({isian}): {sebab}",
   "Isian peserta tanpa undangan diperiksa seperti peserta.yaml; isian ini tidak diterima.")
_c("BUR-M027", "Peserta dengan peran {peran} wajib menyebut desanya.",
   "Kepala Desa, Ketua BPD dan perangkat desa mewakili desanya, jadi desanya wajib diisi.")
_c("BUR-M028", "{kartu} adalah id peserta di peserta.yaml, bukan Kartu ID cadangan.",
   "Nomor ini sudah menjadi id peserta yang diundang; peserta tanpa undangan memerlukan kartu cadangan lain.")
_c("BUR-M029", "Kartu ID cadangan {kartu} sudah dipakai{oleh} ({berkas} baris {baris}). Berikan kartu cadangan lain.",
   "Satu kartu cadangan hanya untuk satu orang: nomornya menjadi id pemegangnya.")
_c("BUR-M030", "Meja '{meja}' tidak ada di acara.yaml (tempat.ruang[].meja).",
   "Meja konsultasi dikenal dari daftar meja setiap ruang di acara.yaml.", hint="Meja yang dikenal: {dikenal}.")
_c("BUR-M031", "Meja {meja} belum memegang inovasi apa pun.",
   "Meja konsultasi menstempel inovasi yang `meja:`-nya di inovasi.yaml menyebut meja itu.",
   hint="Isi `meja: {meja}` pada inovasi yang dikonsultasikan di meja ini (inovasi.yaml).")
_c("BUR-M032", "Konsultan '{konsultan}' tidak ada di panitia.yaml.",
   "Konsultan yang memberi stempel adalah anggota TIK di panitia.yaml.",
   hint="Pakai id anggota TIK dari panitia.yaml, mis. --konsultan TIK-01.")
_c("BUR-M033", "Konsultan {konsultan} ({nama}) {tugas} menurut panitia.yaml (baris {baris}), jadi tidak memberi "
   "stempel di meja {meja}.",
   "panitia.yaml menugaskan konsultan ini di meja lain (atau tidak di meja mana pun).", hint="{saran}")
_c("BUR-M034", "Meja {meja} memegang {jumlah} inovasi; sebutkan inovasinya.",
   "Meja yang melayani lebih dari satu inovasi perlu tahu inovasi mana yang distempel.")
_c("BUR-M035", "Laptop induk ini tidak menjalankan gladi bersih; entri meja ini akan masuk log/ hari-H.",
   "Meja dijalankan dengan --gladi, tetapi laptop induknya mencatat hari-H; entri latihan tidak boleh masuk "
   "log/ hari-H.",
   hint="Jalankan laptop induk dengan `bursa layani --gladi`, atau hilangkan --gladi di meja ini.")
_c("BUR-M036", "Pilihan {pilihan} wajib diisi.",
   "Meja yang mencatat di folder acara memerlukan namanya sendiri: nama itu menjadi nama berkas lognya.",
   hint="Tanpa {pilihan} hanya bila meja ini mencatat lewat laptop induk (--induk, --token).")
_c("BUR-M037", "Bentuk satu kali memerlukan --peserta, --inovasi dan --nilai.",
   "`bursa nilai --peserta` mencatat satu penilaian tanpa putaran; untuk itu inovasi dan nilainya juga "
   "perlu disebut.")
_c("BUR-M038", "Bentuk satu kali memerlukan --desa bersama --inovasi.",
   "`bursa komitmen --inovasi` mencatat satu kartu tanpa putaran; untuk itu desanya juga perlu disebut.")
_c("BUR-M039", "--alasan '{alasan}' tidak sah; tulis INO-003=\"alasannya\".",
   "Alasan untuk inovasi tanpa stempel ditulis sebagai id inovasi, tanda sama dengan, lalu alasannya.")
_c("BUR-M040", "'{folder}' bukan folder acara: berkas acara.yaml tidak ada.",
   "`bursa perbaiki` memulihkan log di folder acara, yaitu folder yang memuat acara.yaml.")
_c("BUR-M041", "{isian} '{teks}' tidak sah: tulis angka saja.",
   "Pertanyaan meja ini menunggu angka; jawaban lain ditanyakan sekali lagi, tidak ada yang dicatat.")
_c("BUR-M042", "Peserta {peserta} tidak mewakili desa mana pun; ketik kode atau nama desanya.",
   "Di Jendela 3 desa dapat dipilih dengan memindai Kartu ID perwakilannya; peserta dari instansi "
   "(OPD, media, perguruan tinggi) tidak mewakili desa.")


FAMILY_TITLE = {
    "Y": "Berkas dan penulisan YAML", "S": "Isi berkas tidak sesuai skema", "L": "Log hari-H yang rusak",
    "R": "Rujukan antarberkas", "H": "Entri log hari-H", "K": "Kartu Komitmen", "D": "Peran di desa",
    "T": "Tahapan dan kesiapannya", "C": "Syarat cetak dokumen", "P": "Tempat duduk (kursi)",
    "N": "Register nomor surat", "I": "Impor dari Excel/CSV", "W": "Jaringan dan keamanan bursa layani",
    "G": "Gladi bersih dan data latihan",
    "F": "Tindak lanjut komitmen",
    "U": "Perintah, pilihan dan folder", "M": "Meja hari-H",
}


def catalogue_markdown() -> str:
    """docs/kode-masalah.md: every code, its level, message and explanation (`python -m bursa_cli.codes`)."""
    out = ["# Kode masalah", "",
           "Halaman ini dibuat otomatis dari katalog kode (`python -m bursa_cli.codes > docs/kode-masalah.md`);",
           "jangan disunting dengan tangan. Satu kode dijelaskan juga oleh `bursa validasi --jelaskan KODE`.",
           "Tulisan `{...}` di pesan diganti dengan nilai yang ditemukan."]
    for family, title in FAMILY_TITLE.items():
        out += ["", f"## BUR-{family}: {title}", "", "| Kode | Tingkat | Pesan | Penjelasan |", "|---|---|---|---|"]
        for entry in CODES.values():
            if entry.family == family:
                explanation = entry.explanation + (f" Saran: {entry.hint}" if entry.hint else "")
                cells = [entry.code, entry.level, entry.shown, explanation]
                out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(catalogue_markdown(), end="")
