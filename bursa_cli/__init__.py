"""bursa: perangkat baris perintah Bursa Inovasi Desa."""

__version__ = "0.1.0"
